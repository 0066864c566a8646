import ArgumentParser
import CustomerDomain

extension CustomerID: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument)
    }
}
