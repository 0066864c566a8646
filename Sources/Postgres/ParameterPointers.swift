import Foundation

/// Hands libpq the parameter arrays it wants, valid only for the duration of `body`.
func withParameterPointers<R>(
    _ parameters: [PostgresParameter],
    _ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> R
) -> R {
    // One contiguous buffer holds every value; text values get the NUL terminator libpq expects.
    var storage: [UInt8] = [0]
    var offsets: [Int?] = []
    offsets.reserveCapacity(parameters.count)
    for parameter in parameters {
        guard let bytes = parameter.bytes else {
            offsets.append(nil)
            continue
        }
        offsets.append(storage.count)
        storage.append(contentsOf: bytes)
        if parameter.format == .text { storage.append(0) }
    }
    let lengths = parameters.map { Int32($0.bytes?.count ?? 0) }
    let formats = parameters.map { $0.format.rawValue }
    return storage.withUnsafeBufferPointer { buffer in
        let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
        let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in offset.map { base + $0 } }
        return pointers.withUnsafeBufferPointer { values in
            lengths.withUnsafeBufferPointer { lengthBuffer in
                formats.withUnsafeBufferPointer { formatBuffer in
                    body(values.baseAddress, lengthBuffer.baseAddress, formatBuffer.baseAddress)
                }
            }
        }
    }
}
