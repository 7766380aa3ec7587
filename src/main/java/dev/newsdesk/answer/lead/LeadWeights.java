package dev.newsdesk.answer.lead;

/**
 * How candidate lead spans are scored: a weighted sum of {@link LeadCandidate#features()}, and the yes/no rule's
 * threshold. {@link #DEFAULTS} were tuned on MultiHop-RAG dev with 5-fold cross-validation (docs/benchmarks.md
 * reports the held-out figures; {@code eval multihop} re-runs the tuning).
 *
 * @param feature   one weight per feature, in {@link LeadCandidate#FEATURES} order
 * @param minScore  no lead when the best candidate scores below this (abstain rather than guess)
 * @param yesSupport a "Yes" lead needs every compared claim to be held at least this much by a sentence of the
 *                   outlet the question names for it (share of the claim's weighted terms)
 */
public record LeadWeights(double[] feature, double minScore, double yesSupport) {
    public LeadWeights {
        if (feature.length != LeadCandidate.FEATURES.size()) {
            throw new IllegalArgumentException(feature.length + " weights for " + LeadCandidate.FEATURES.size() + " features");
        }
        feature = feature.clone();
    }

    public static final LeadWeights DEFAULTS = new LeadWeights(new double[] {0, 1, 4, 0, 0, 0, 0, 0.5, 1}, 0.0, 0.3);

    public double score(double[] f) {
        double s = 0;
        for (int i = 0; i < f.length; i++) s += feature[i] * f[i];
        return s;
    }

    @Override
    public double[] feature() {
        return feature.clone();
    }

    public LeadWeights withFeature(double[] newFeature) {
        return new LeadWeights(newFeature, minScore, yesSupport);
    }

    public LeadWeights withYesSupport(double t) {
        return new LeadWeights(feature, minScore, t);
    }

    @Override
    public String toString() {
        return "LeadWeights" + java.util.Arrays.toString(feature) + " minScore=" + minScore + " yesSupport=" + yesSupport;
    }
}
