#!/usr/bin/env python3
"""Where a gateway JFR recording's execution samples went, by component: each sample is charged to the deepest frame
of its stack that belongs to one of the areas below (so java.util code called by the access log counts as the access
log). Usage: bench/jfr-areas.py /tmp/gw.jfr (needs the JDK's jfr tool on the PATH). Java samples only: time in system
calls (socket reads and writes) is not in them."""
import json,sys,collections,subprocess,re
f=sys.argv[1]
out=subprocess.run(['jfr','print','--json','--stack-depth','200','--events','jdk.ExecutionSample',f],capture_output=True,text=True).stdout
ev=json.loads(out)['recording']['events']
areas=[('Date header re-parse/print (vertx-http-proxy ParseUtils)',r'httpproxy/impl/ParseUtils'),
('access log (line, JBoss LogManager, async writer)',r'jboss/logmanager|jboss/logging|EdgeFilter\.lambda\$handle\$1'),
('metrics (Micrometer)',r'micrometer'),
('rate limit (RateLimiter, Redis lease, Caffeine)',r'RateLimiter|BudgetStore|redis|caffeine|bucket4j'),
('circuit breaker',r'circuitbreaker'),
('security, OIDC, CORS handlers',r'quarkus/oidc|quarkus/security|runtime/security|/cors/|mutiny'),
('Pyramid gateway code (edge filter, route, headers)',r'be/mhealth'),
('vertx-http-proxy (request/response copy, pipes)',r'vertx/httpproxy'),
('Quarkus HTTP + Vert.x Web router',r'quarkus/vertx/http|vertx/ext/web|quarkus/arc'),
('HTTP/1.1 codec (Vert.x + Netty)',r'vertx/core/http|netty/handler/codec'),
('Netty transport, buffers, event loop',r'io/netty'),
('Vert.x futures, contexts, streams',r'io/vertx/core'),
]
c=collections.Counter(); n=0
for e in ev:
    st=e['values'].get('stackTrace')
    th=e['values'].get('sampledThread',{}).get('javaName') or ''
    if not st: continue
    n+=1
    frames=[fr['method']['type']['name'].replace('.','/')+'.'+fr['method']['name'] for fr in st['frames']]
    for fr in frames:
        hit=None
        for name,p in areas:
            if re.search(p,fr): hit=name;break
        if hit: c[hit]+=1;break
    else: c['other (JDK, JIT-compiled glue): '+th.split('-thread')[0]]+=1
print(f'{n} execution samples')
print('| area | samples |')
print('|---|---|')
for k,v in c.most_common(): print(f'| {k} | {100*v/n:.0f} % |')
