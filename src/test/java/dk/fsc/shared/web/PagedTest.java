package dk.fsc.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dk.fsc.shared.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class PagedTest {

    @Test
    void countsPagesAndOffsets() {
        PageQuery third = new PageQuery(2, 50);

        Paged<String> page = Paged.of(List.of("a"), third, 101);

        assertThat(third.offset()).isEqualTo(100);
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.map(String::toUpperCase).items()).containsExactly("A");
        assertThat(Paged.of(List.of(), new PageQuery(0, 10), 0).totalPages()).isZero();
    }

    @Test
    void rejectsNegativePagesAndSizesOutsideTheLimits() {
        assertThatThrownBy(() -> new PageQuery(-1, 0)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).hasSize(2));
        assertThatThrownBy(() -> new PageQuery(0, 501)).isInstanceOf(InvalidInputException.class);
    }
}
