import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;

/**
 * The floor of the gateway's stack for {@code bench/run.sh} (target {@code vertx}): the same vertx-http-proxy, Vert.x
 * and Netty (native epoll) jars as the gateway, and nothing else: no Quarkus, no router, no access log, rate limit,
 * metrics, security headers, circuit breaker or request id. As in the gateway, each event loop has its own client and
 * proxy, there are as many event loops as Quarkus starts by default (twice the cores; {@code -Dloops=N}), and the
 * upstream's {@code Date} is dropped so that the proxy does not parse it (the gateway's own saving).
 * <p>
 * Run from source with the gateway's jars: {@code java -cp 'gateway/target/quarkus-app/lib/main/*'
 * bench/BareProxy.java <port> <upstream port>}.
 */
public class BareProxy {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int upstream = Integer.parseInt(args[1]);
        int loops = Integer.getInteger("loops", 2 * Runtime.getRuntime().availableProcessors());
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        if (!vertx.isNativeTransportEnabled()) {
            throw new IllegalStateException("native epoll transport not available");
        }
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                        new PoolOptions().setHttp1MaxSize(256));
                HttpProxy proxy = HttpProxy.reverseProxy(client).origin(upstream, "127.0.0.1")
                        .addInterceptor(new ProxyInterceptor() {
                            @Override
                            public Future<Void> handleProxyResponse(ProxyContext context) {
                                context.response().headers().remove("Date");
                                return context.sendResponse();
                            }
                        });
                vertx.createHttpServer().requestHandler(proxy).listen(port);
            }
        }, new DeploymentOptions().setInstances(loops)).onFailure(e -> {
            e.printStackTrace();
            System.exit(1);
        });
    }
}
