package be.mhealth.pyramid.events;

/**
 * The platform's Kafka topics: one per producer and aggregate, versioned. Record key = app id.
 * Partition counts are part of the contract (Kubernetes topics and local topics use them).
 */
public enum Topic {
    REGISTRY_APPS(Names.REGISTRY_APPS, "registry-service", 6),
    M1_DECISIONS(Names.M1_DECISIONS, "m1-ce-service", 6),
    M2_DECISIONS(Names.M2_DECISIONS, "m2-interop-service", 6),
    M3_DECISIONS(Names.M3_DECISIONS, "m3-reimbursement-service", 6);

    /**
     * The names as compile-time constants. Consumers use them as their channel names
     * ({@code @Incoming(Topic.Names.M1_DECISIONS)}), and a channel reads the topic of its own name.
     */
    public static final class Names {
        public static final String REGISTRY_APPS = "registry.apps.v1";
        public static final String M1_DECISIONS = "m1.decisions.v1";
        public static final String M2_DECISIONS = "m2.decisions.v1";
        public static final String M3_DECISIONS = "m3.decisions.v1";

        private Names() {
        }
    }

    private final String topicName;
    private final String producer;
    private final int partitions;

    Topic(String topicName, String producer, int partitions) {
        this.topicName = topicName;
        this.producer = producer;
        this.partitions = partitions;
    }

    /** The Kafka topic name, e.g. {@code m1.decisions.v1}. */
    public String topicName() {
        return topicName;
    }

    /** The only service that writes to this topic; also the CloudEvents {@code source}. */
    public String producer() {
        return producer;
    }

    /** The CloudEvents {@code source} of this topic's events: {@code "/" + producer()}. */
    public String source() {
        return "/" + producer;
    }

    public int partitions() {
        return partitions;
    }

    /** The decisions topic of a level. */
    public static Topic decisionsOf(Level level) {
        return switch (level) {
            case M1 -> M1_DECISIONS;
            case M2 -> M2_DECISIONS;
            case M3 -> M3_DECISIONS;
        };
    }

    public static Topic byName(String topicName) {
        return find(topicName).orElseThrow(() -> new IllegalArgumentException("unknown topic " + topicName));
    }

    /** The topic of this name; empty for a topic the contract does not know. */
    public static java.util.Optional<Topic> find(String topicName) {
        for (Topic t : values()) {
            if (t.topicName.equals(topicName)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
