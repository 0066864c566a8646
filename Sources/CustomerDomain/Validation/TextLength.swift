/// How long a text is, for the documented maximums. A limit counts Unicode scalars, not
/// characters: one character can hold any number of combining marks ("J" and 3,000 accents is
/// one grapheme cluster), so counting clusters would let unbounded text through. Since a scalar
/// takes at most 4 bytes of UTF-8, a text within its limit also stays within 4 bytes a scalar.
public enum TextLength {
    /// True when `text` has more than `maximum` Unicode scalars or more than 4 × `maximum`
    /// bytes of UTF-8.
    public static func exceeds(_ text: some StringProtocol, _ maximum: Int) -> Bool {
        // Bytes first: cheap, and an upper bound of the scalar count.
        let bytes = text.utf8.count
        if bytes <= maximum { return false }
        return bytes > 4 * maximum || text.unicodeScalars.count > maximum
    }

    /// The length the refusals report: Unicode scalars.
    public static func of(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.count
    }
}
