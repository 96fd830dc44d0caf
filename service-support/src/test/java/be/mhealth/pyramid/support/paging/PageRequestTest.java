package be.mhealth.pyramid.support.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Pages stay within what a query can address: no offset overflows, whatever the size. */
class PageRequestTest {

    @Test
    void theLastPageOfEverySizeHasAnOffsetThatFitsAnInt() {
        for (int size = 1; size <= PageRequest.MAX_SIZE; size++) {
            PageRequest last = new PageRequest(PageRequest.maxPage(size), size);
            assertThat((long) last.offset() + size - 1).isLessThanOrEqualTo(Integer.MAX_VALUE);
            assertThat(last.offset()).isEqualTo((long) last.page() * size);
            int size1 = size;
            assertThatThrownBy(() -> new PageRequest(PageRequest.maxPage(size1) + 1, size1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void sizeIsOneToAHundredAndPageFromZero() {
        assertThat(PageRequest.first()).isEqualTo(new PageRequest(0, 20));
        assertThatThrownBy(() -> new PageRequest(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(0, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(-1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PageRequest(3, 100).offset()).isEqualTo(300);
    }
}
