package dev.newsdesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberClaimsTest {
    @Test
    void countsWithTheirUnits() {
        assertThat(NumberClaims.of("Iran launched over 350 drones, ballistic missiles, and cruise missiles."))
                .extracting(NumberClaims.Claim::value, NumberClaims.Claim::unit, NumberClaims.Claim::phrase)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("350", "drone", "350 drones"));
        assertThat(NumberClaims.of("a night in which 99 percent of the onslaught was intercepted"))
                .extracting(NumberClaims.Claim::unit).containsExactly("percent");
        assertThat(NumberClaims.of("It fired 120 ballistic missiles.")).extracting(NumberClaims.Claim::unit).containsExactly("missile");
        assertThat(NumberClaims.of("an Axios report citing three people who attended"))
                .extracting(NumberClaims.Claim::value, NumberClaims.Claim::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3", "person"));
    }

    @Test
    void datesAndYearsAreNotClaims() {
        assertThat(NumberClaims.of("on April 1 which killed commanders")).isEmpty();
        assertThat(NumberClaims.of("in Jerusalem, Feb. 7, 2024.")).isEmpty();
        assertThat(NumberClaims.of("its highest rate since 1992 in December")).isEmpty();
    }
}
