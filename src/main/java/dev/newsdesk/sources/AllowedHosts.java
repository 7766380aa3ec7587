package dev.newsdesk.sources;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hosts newsdesk may fetch from: those of its sources, with their "www." twins and sub-domains
 * (feeds.example.com and www.example.com are one site). A feed linking elsewhere does not make newsdesk crawl there.
 * Immutable.
 */
public record AllowedHosts(Set<String> hosts) {
    public AllowedHosts {
        hosts = hosts.stream().map(AllowedHosts::bare).collect(Collectors.toUnmodifiableSet());
    }

    public static AllowedHosts of(Collection<String> urls) {
        return new AllowedHosts(urls.stream().map(Urls::host).filter(h -> h != null).collect(Collectors.toSet()));
    }

    public boolean allows(String host) {
        if (host == null) return false;
        String h = bare(host);
        for (String s : hosts) {
            if (h.equals(s) || h.endsWith("." + s) || s.endsWith("." + h)) return true;
        }
        return false;
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }
}
