package be.mhealth.pyramid.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import be.mhealth.pyramid.events.Topic;

/**
 * Who writes and who reads which topic, taken from the code rather than written down again: the producer of each
 * topic from event-contracts' {@link Topic}, the consumers from the {@code @Incoming} channels in every service
 * module's sources (a channel reads the topic of its name, {@link Topic.Names}). A service is a module of the
 * repository with a {@code quarkus.application.name}, which is also its Kafka consumer group (Quarkus' default
 * {@code group.id}). A new topic, a new consumer or a new service module therefore changes what the tests expect.
 */
final class EventContract {

    private static final Pattern INCOMING = Pattern.compile("@Incoming\\(\\s*([^)]*?)\\s*\\)");
    private static final Pattern NAMES_CONSTANT = Pattern.compile("(?:Topic\\.)?Names\\.([A-Z0-9_]+)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]+)\"");
    /** Settings that would make a channel read another topic, or a consumer join another group. */
    private static final Pattern REROUTING = Pattern.compile(
            "(%[^.]+\\.)?(mp\\.messaging\\.incoming\\.(\"[^\"]+\"|[^.]+)\\.(topic|topics|pattern|group\\.id)|kafka\\.group\\.id)");

    /** Service name → the topics its {@code @Incoming} channels read. */
    private static Map<String, Set<String>> consumers;

    private EventContract() {
    }

    /** Every service that uses Kafka: the producers of the contract's topics and every consumer. */
    static Set<String> kafkaServices() {
        Set<String> services = new TreeSet<>(consumers().keySet());
        Stream.of(Topic.values()).map(Topic::producer).forEach(services::add);
        return services;
    }

    static Set<String> produces(String service) {
        Set<String> topics = new TreeSet<>();
        Stream.of(Topic.values()).filter(t -> t.producer().equals(service)).map(Topic::topicName).forEach(topics::add);
        return topics;
    }

    static Set<String> consumes(String service) {
        return consumers().getOrDefault(service, Set.of());
    }

    static synchronized Map<String, Set<String>> consumers() {
        if (consumers == null) {
            consumers = scan(Manifests.repoRoot());
        }
        return consumers;
    }

    /** The consumers declared in the sources of every service module below {@code root}. */
    static Map<String, Set<String>> scan(Path root) {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                String service = applicationName(module);
                Path sources = module.resolve("src/main/java");
                if (service == null || !Files.isDirectory(sources)) {
                    continue;
                }
                Set<String> topics = incomingTopics(sources);
                if (!topics.isEmpty()) {
                    found.put(service, topics);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String applicationName(Path module) throws IOException {
        Properties shared = load(module.resolve("src/main/resources/META-INF/microprofile-config.properties"));
        Properties p = load(module.resolve("src/main/resources/application.properties"));
        for (Properties config : new Properties[] {shared, p}) {
            for (String key : config.stringPropertyNames()) {
                if (REROUTING.matcher(key).matches()) {
                    throw new IllegalStateException(module + " sets " + key + "; the ACL tests assume that a channel reads"
                            + " the topic of its name in the group quarkus.application.name: teach EventContract first");
                }
            }
        }
        String name = p.getProperty("quarkus.application.name");
        if (name != null && !name.equals(module.getFileName().toString())) {
            throw new IllegalStateException(module + ": quarkus.application.name " + name
                    + " differs from the module name, which the manifests use for the service");
        }
        return name;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    private static Set<String> incomingTopics(Path sources) throws IOException {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = INCOMING.matcher(Files.readString(file));
                while (m.find()) {
                    topics.add(topicOf(m.group(1), file));
                }
            }
        }
        return topics;
    }

    /** The topic a channel reads: its name, given as a {@link Topic.Names} constant or a literal. */
    static String topicOf(String channelExpression, Path file) {
        String channel;
        Matcher constant = NAMES_CONSTANT.matcher(channelExpression);
        Matcher literal = LITERAL.matcher(channelExpression);
        if (constant.matches()) {
            try {
                channel = (String) Topic.Names.class.getField(constant.group(1)).get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(file + ": no Topic.Names." + constant.group(1), e);
            }
        } else if (literal.matches()) {
            channel = literal.group(1);
        } else {
            throw new IllegalStateException(file + ": cannot tell the channel of @Incoming(" + channelExpression
                    + "); use a Topic.Names constant");
        }
        return Topic.byName(channel).topicName();
    }
}
