/// Recognises the document formats the contract accepts by their first bytes
/// ("magic numbers"), never by the name or the Content-Type the client
/// declared, so a file cannot pass for a type it is not.
public enum FileSignature {
    /// "application/pdf", "image/jpeg", "image/png", "image/tiff" or
    /// "image/heic" when `bytes` start like such a file; nil otherwise.
    public static func mimeType(of bytes: some Collection<UInt8>) -> String? {
        // The first 256 bytes cover every signature below, a long HEIC brand list included.
        let head = Array(bytes.prefix(256))
        if head.starts(with: pdf) { return "application/pdf" }
        if head.starts(with: jpeg) { return "image/jpeg" }
        if head.starts(with: png) { return "image/png" }
        if head.starts(with: tiffLittleEndian) || head.starts(with: tiffBigEndian) { return "image/tiff" }
        if isHEIC(head) { return "image/heic" }
        return nil
    }

    /// `%PDF-`; the version follows.
    static let pdf: [UInt8] = Array("%PDF-".utf8)
    /// Start of image, then the first marker's 0xFF.
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// `II*\0` (Intel byte order) and `MM\0*` (Motorola), each then the magic 42.
    static let tiffLittleEndian: [UInt8] = [0x49, 0x49, 0x2A, 0x00]
    static let tiffBigEndian: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A]

    /// The HEIF brands of still images and sequences coded with HEVC, plus
    /// the generic image brands (`mif1`, `msf1`) HEIC writers put first.
    static let heicBrands: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]

    /// An ISO base media file starts with an `ftyp` box: a 32-bit big-endian
    /// size, `ftyp`, the major brand, a minor version, then compatible brands
    /// up to the box's end. It is HEIC when any of those brands is a HEIC brand;
    /// an MP4 (`isom`, `mp42`) or AVIF (`avif`) box is not.
    static func isHEIC(_ head: [UInt8]) -> Bool {
        guard head.count >= 12, head[4..<8].elementsEqual("ftyp".utf8) else { return false }
        let declaredSize = head[0..<4].reduce(0) { $0 << 8 | Int($1) }
        guard declaredSize >= 16, declaredSize % 4 == 0 else { return false }
        let boxEnd = min(declaredSize, head.count)
        if isHEICBrand(head[8..<12]) { return true }
        // Compatible brands start after the four-byte minor version.
        var offset = 16
        while offset + 4 <= boxEnd {
            if isHEICBrand(head[offset..<(offset + 4)]) { return true }
            offset += 4
        }
        return false
    }

    private static func isHEICBrand(_ brand: ArraySlice<UInt8>) -> Bool {
        guard let text = String(validating: brand, as: UTF8.self) else { return false }
        return heicBrands.contains(text)
    }
}
