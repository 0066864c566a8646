import CustomerDomain

/// How the verification profiles moved between two states: every criterion
/// that changed list (or error detail) and every status that changed.
/// Profiles come in the domain's order (the customer's, then each
/// representative's) and criteria in their table's order.
enum ProfileDiff {
    static func changes(
        from before: CustomerState, to after: CustomerState
    ) -> (moves: [CriterionMove], statuses: [StatusChange]) {
        let old = verificationProfiles(before)
        let new = verificationProfiles(after)
        var moves: [CriterionMove] = []
        var statuses: [StatusChange] = []
        for current in new {
            let previous = old.first { same($0, current) }
            moves += criterionMoves(from: previous?.profile, to: current)
            if previous?.profile.status != current.profile.status {
                statuses.append(StatusChange(
                    profile: current.profile.name, subjectId: current.subject.id,
                    from: previous?.profile.status, to: current.profile.status))
            }
        }
        for gone in old where !new.contains(where: { same($0, gone) }) {
            statuses.append(StatusChange(
                profile: gone.profile.name, subjectId: gone.subject.id, from: gone.profile.status, to: nil))
        }
        return (moves, statuses)
    }

    private static func same(_ lhs: SubjectProfile, _ rhs: SubjectProfile) -> Bool {
        lhs.subject == rhs.subject && lhs.profile.name == rhs.profile.name
    }

    private static func criterionMoves(from previous: VerificationProfile?, to current: SubjectProfile) -> [CriterionMove] {
        let before = previous.map { places(in: $0.criteria) } ?? [:]
        let after = places(in: current.profile.criteria)
        return criterionOrder(of: current.profile.name, present: after.keys).compactMap { criterion in
            guard let to = after[criterion], before[criterion] != to else { return nil }
            return CriterionMove(
                profile: current.profile.name, subjectId: current.subject.id,
                criterion: criterion, from: before[criterion], to: to)
        }
    }

    private static func places(in lists: CriteriaLists) -> [String: CriterionPlace] {
        var places: [String: CriterionPlace] = [:]
        for name in lists.complete { places[name] = CriterionPlace(list: .complete) }
        for name in lists.pending { places[name] = CriterionPlace(list: .pending) }
        for name in lists.required { places[name] = CriterionPlace(list: .required) }
        for error in lists.errors { places[error.name] = CriterionPlace(list: .errors, detail: error.detail) }
        return places
    }

    /// The table's order, then (should a table ever lack one) any other
    /// criterion by name, so the order never depends on dictionary layout.
    private static func criterionOrder(of profile: ProfileName, present: some Collection<String>) -> [String] {
        let table = tableOrder(of: profile)
        return table + present.filter { !table.contains($0) }.sorted()
    }

    private static func tableOrder(of profile: ProfileName) -> [String] {
        switch profile {
        case .kycProfileA: ProfileTables.kyc.criterionNames
        case .kybProfileA: ProfileTables.kyb.criterionNames
        case .uboKycProfileA: ProfileTables.ubo.criterionNames
        }
    }
}
