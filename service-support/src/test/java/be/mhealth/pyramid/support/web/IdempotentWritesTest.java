package be.mhealth.pyramid.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A retried request matches its first attempt even when the server restarted in between. */
class IdempotentWritesTest {

    @Test
    void theFingerprintDoesNotDependOnTheOrderOfAMapsEntries() {
        IdempotentWrites writes = new IdempotentWrites(null, new ObjectMapper(), Clock.systemUTC());
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("dossierId", "d-1");
        first.put("kind", "CE_CERTIFICATE");
        first.put("sha256", "abc");
        Map<String, Object> afterRestart = new LinkedHashMap<>();
        afterRestart.put("sha256", "abc");
        afterRestart.put("dossierId", "d-1");
        afterRestart.put("kind", "CE_CERTIFICATE");

        assertThat(writes.hash(afterRestart)).isEqualTo(writes.hash(first));
        afterRestart.put("kind", "DECLARATION_OF_CONFORMITY");
        assertThat(writes.hash(afterRestart)).isNotEqualTo(writes.hash(first));
    }

    enum Platform {
        IOS, ANDROID, WEB
    }

    @Test
    void theFingerprintDoesNotDependOnTheIterationOrderOfASet() {
        IdempotentWrites writes = new IdempotentWrites(null, new ObjectMapper(), Clock.systemUTC());
        Set<Platform> first = new LinkedHashSet<>(List.of(Platform.IOS, Platform.ANDROID));
        Set<Platform> afterRestart = new LinkedHashSet<>(List.of(Platform.ANDROID, Platform.IOS));

        assertThat(writes.hash(Map.of("platforms", afterRestart))).isEqualTo(writes.hash(Map.of("platforms", first)));
        assertThat(writes.hash(Map.of("platforms", Set.of(Platform.WEB))))
                .isNotEqualTo(writes.hash(Map.of("platforms", first)));
        assertThat(writes.hash(Map.of("steps", List.of("b", "a")))).as("a list keeps its order")
                .isNotEqualTo(writes.hash(Map.of("steps", List.of("a", "b"))));
    }
}
