import CustomerDomain

/// A verification profile's status and the size of each criteria list after every event of
/// the stream, for the console's chart: how a profile got to where it is, version by version.
public struct ProfileSeries: Equatable, Sendable {
    public struct Point: Equatable, Sendable {
        public let version: Int64
        public let status: ProfileStatus
        public let complete: Int
        public let pending: Int
        public let required: Int
        public let errors: Int
    }

    public let subject: ProfileSubject
    public let profile: ProfileName
    /// From the event that brought the profile into being (a representative's comes with the
    /// representative) to the last event, one point per version.
    public private(set) var points: [Point]

    /// Every profile the stream has held, the customer's own first, then its representatives'
    /// in the order they were added. A removed representative's series ends where it left.
    public static func all(of events: [LoggedEvent]) throws(HistoryError) -> [ProfileSeries] {
        all(of: try DecodedStream(events))
    }

    public static func all(of stream: DecodedStream) -> [ProfileSeries] {
        var state = CustomerState.initial
        var series: [ProfileSeries] = []
        var index: [String: Int] = [:]
        for (event, decoded) in stream.pairs {
            state = evolve(state, decoded)
            for subjectProfile in verificationProfiles(state) {
                let key = subjectProfile.subject.id + "/" + subjectProfile.profile.name.rawValue
                let lists = subjectProfile.profile.criteria
                let point = Point(
                    version: event.version, status: subjectProfile.profile.status, complete: lists.complete.count,
                    pending: lists.pending.count, required: lists.required.count, errors: lists.errors.count)
                if let at = index[key] {
                    series[at].points.append(point)
                } else {
                    index[key] = series.count
                    series.append(ProfileSeries(subject: subjectProfile.subject, profile: subjectProfile.profile.name, points: [point]))
                }
            }
        }
        return series
    }
}
