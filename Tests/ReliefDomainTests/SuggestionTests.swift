import Testing

@testable import ReliefDomain

@Suite("Did you mean")
struct SuggestionTests {
  @Test("slips of one or two letters find the word; far words and exact ones find nothing")
  func nearest() {
    let events = ["accept", "reject", "transfer", "pay", "resolve", "close", "withdraw"]
    #expect(Suggestion.nearest(to: "acept", among: events) == "accept")
    #expect(Suggestion.nearest(to: "tranfser", among: events) == "transfer")
    #expect(Suggestion.nearest(to: "ACCEPT", among: events) == "accept")
    #expect(Suggestion.nearest(to: "py", among: events) == "pay")
    #expect(Suggestion.nearest(to: "approve", among: events) == nil)
    #expect(Suggestion.nearest(to: "accept", among: events) == nil)
    #expect(Suggestion.nearest(to: "", among: events) == nil)
    #expect(Suggestion.nearest(to: "cas", among: ["case", "calendar", "demo"]) == "case")
    #expect(Suggestion.nearest(to: "montly", among: ["monthly", "overdue"]) == "monthly")
    #expect(Suggestion.nearest(to: "arears", among: ["arrears", "tax-refund"]) == "arrears")
  }

  @Test("the distance counts a swap of neighbours as one edit")
  func distance() {
    #expect(Suggestion.distance(Array("ab"), Array("ba")) == 1)
    #expect(Suggestion.distance(Array("kitten"), Array("sitting")) == 3)
    #expect(Suggestion.distance(Array(""), Array("abc")) == 3)
  }
}
