import ArgumentParser
import ReliefDomain
import ReliefPresentation

// The values options take as they are: argument-parser reads them by their raw values.
extension CaseKind: ExpressibleByArgument {}
extension DebtorType: ExpressibleByArgument {}
extension ArrearsOutcome: ExpressibleByArgument {}
extension Satisfaction: ExpressibleByArgument {}
extension ReliefType: ExpressibleByArgument {}
extension WhitelistCategory: ExpressibleByArgument {}
extension SupplyChain: ExpressibleByArgument {}
extension Tier: ExpressibleByArgument {}
extension EnterpriseSize: ExpressibleByArgument {}
extension Sector: ExpressibleByArgument {}
extension Alert: ExpressibleByArgument {}
extension ImportEncoding: ExpressibleByArgument {}
