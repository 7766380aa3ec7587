package dev.newsdesk.sources;

/** Gets one URL, politely (see {@link PoliteFetcher}). Implementations are thread-safe. */
@FunctionalInterface
public interface Fetcher {
    /**
     * @param validators from the last response for this URL, sent as a conditional request; {@link PollState.Validators#NONE} for none
     * @return what came of it; never throws for a network or HTTP problem (that is a {@link FetchResult.Outcome#FAILED})
     */
    FetchResult fetch(String url, PollState.Validators validators);
}
