import AccordSQLite

extension AccordStore {
  /// A condition and every condition of its chain of revisions, earliest first, as of `asOf`.
  public func conditionChain(_ id: Int64, asOf: Day? = nil) throws -> [Condition] {
    let links = try connection.all(
      "SELECT id, revises_id FROM position WHERE negotiation_id = (SELECT negotiation_id FROM position WHERE id = ?)",
      [.integer(id)]
    ) { row throws(DatabaseError) in
      (try row.integer("id"), try row.optionalInteger("revises_id"))
    }
    var chain: Set<Int64> = [id]
    var changed = true
    while changed {
      changed = false
      for (condition, revises) in links {
        if let revises, chain.contains(revises) != chain.contains(condition) {
          chain.formUnion([condition, revises])
          changed = true
        }
      }
    }
    let negotiation = try connection.integer(
      "SELECT negotiation_id FROM position WHERE id = ?", [.integer(id)])
    return try conditions(negotiation: negotiation, asOf: asOf, includeRetracted: true).filter {
      chain.contains($0.id)
    }
  }
}
