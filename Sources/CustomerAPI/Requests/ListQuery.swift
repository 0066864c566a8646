import CustomerDomain
import CustomerService
import Hummingbird

/// The customer list's query parameters, checked; problems point at the parameter.
enum ListQuery {
    static func filter(_ query: Parameters) throws -> CustomerFilter {
        var problems: [FieldProblem] = []
        var filter = CustomerFilter()
        (filter.page, filter.limit) = page(query, problems: &problems)
        if let sort = query["sort"] {
            if let value = CustomerSort(rawValue: String(sort)) { filter.sort = value } else {
                problems.append(FieldProblem(
                    pointer: "/sort", detail: "Must be one of: \(CustomerSort.allCases.map(\.rawValue).joined(separator: ", "))."))
            }
        }
        if let status = query["status"] {
            if let value = ProfileStatus(rawValue: String(status)) { filter.status = value } else {
                problems.append(FieldProblem(pointer: "/status", detail: "Must be incomplete, pending, approved or rejected."))
            }
        }
        if let type = query["type"] {
            if let value = CustomerType(rawValue: String(type)) { filter.type = value } else {
                problems.append(FieldProblem(pointer: "/type", detail: "Must be individual or business."))
            }
        }
        if let search = query["search"] {
            if !TextLength.exceeds(search, 200) { filter.search = String(search) } else {
                problems.append(FieldProblem(pointer: "/search", detail: "Must be at most 200 characters."))
            }
        }
        if let email = query["email"] {
            if !TextLength.exceeds(email, 254) { filter.email = String(email) } else {
                problems.append(FieldProblem(pointer: "/email", detail: "Must be at most 254 characters."))
            }
        }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        return filter
    }

    /// `page` (from 1, default 1) and `limit` (1 to the page size, default 10); problems point at them.
    static func page(_ query: Parameters, problems: inout [FieldProblem]) -> (page: Int, limit: Int) {
        var result = (page: 1, limit: 10)
        if let page = query["page"] {
            if let value = Int(page), value >= 1, value <= 1_000_000 { result.page = value } else {
                problems.append(FieldProblem(pointer: "/page", detail: "Must be a whole number from 1 to 1000000."))
            }
        }
        if let limit = query["limit"] {
            if let value = Int(limit), (1...APILimits.pageSize).contains(value) { result.limit = value } else {
                problems.append(FieldProblem(pointer: "/limit", detail: "Must be a whole number from 1 to \(APILimits.pageSize)."))
            }
        }
        return result
    }

    /// A whole number in `range`, or a problem at `/name`.
    static func integer(_ query: Parameters, _ name: String, in range: ClosedRange<Int64>, default value: Int64) throws -> Int64 {
        guard let text = query[Substring(name)] else { return value }
        guard let number = Int64(text), range.contains(number) else {
            throw APIError.validation([FieldProblem(pointer: "/\(name)", detail: "Must be a whole number from \(range.lowerBound) to \(range.upperBound).")])
        }
        return number
    }
}
