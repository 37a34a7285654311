package io.lockstep.community;

/** The quality function Leiden optimises. */
public enum QualityFunction {
    /**
     * Newman–Girvan modularity with resolution γ: {@code Q = Σ_c [e_c/m − γ (K_c/2m)²]} where {@code e_c} is the
     * weight inside community c, {@code K_c} the sum of its strengths and m the total weight.
     */
    MODULARITY,
    /**
     * Constant Potts model (Traag, Van Dooren &amp; Nesterov 2011): {@code H = Σ_c [e_c − γ n_c(n_c−1)/2]} where
     * {@code n_c} is the number of vertices in c. The resolution γ is then a density threshold.
     */
    CPM
}
