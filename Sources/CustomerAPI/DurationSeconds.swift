extension Duration {
    /// The duration in seconds, fractions included: what metrics and HTTP headers speak in.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
