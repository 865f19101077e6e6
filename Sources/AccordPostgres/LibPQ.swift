import CPostgres

/// libpq's functions, loaded from `libpq.so.5` with `dlopen` the first time a PostgreSQL connection
/// is made, each resolved with `dlsym` into a typed C function pointer. Accord does not link libpq:
/// it pulls in two dozen shared libraries (TLS, Kerberos, LDAP…) whose loading would slow the start
/// of every command, and only a command that opens a PostgreSQL database needs it.
package struct LibPQ: @unchecked Sendable {
  typealias Conn = OpaquePointer
  typealias Result = OpaquePointer

  let connectdb: @convention(c) (UnsafePointer<CChar>?) -> Conn?
  let finish: @convention(c) (Conn?) -> Void
  let status: @convention(c) (Conn?) -> ConnStatusType
  let errorMessage: @convention(c) (Conn?) -> UnsafeMutablePointer<CChar>?
  let connectionNeedsPassword: @convention(c) (Conn?) -> Int32
  let transactionStatus: @convention(c) (Conn?) -> PGTransactionStatusType
  let db: @convention(c) (Conn?) -> UnsafeMutablePointer<CChar>?
  let user: @convention(c) (Conn?) -> UnsafeMutablePointer<CChar>?
  let host: @convention(c) (Conn?) -> UnsafeMutablePointer<CChar>?
  let port: @convention(c) (Conn?) -> UnsafeMutablePointer<CChar>?
  let backendPID: @convention(c) (Conn?) -> Int32
  let exec: @convention(c) (Conn?, UnsafePointer<CChar>?) -> Result?
  let execParams:
    @convention(c) (
      Conn?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?,
      UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
    ) -> Result?
  let resultStatus: @convention(c) (Result?) -> ExecStatusType
  let resultErrorMessage: @convention(c) (Result?) -> UnsafeMutablePointer<CChar>?
  let resultErrorField: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
  let clear: @convention(c) (Result?) -> Void
  let ntuples: @convention(c) (Result?) -> Int32
  let nfields: @convention(c) (Result?) -> Int32
  let fname: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
  let ftype: @convention(c) (Result?, Int32) -> Oid
  let getvalue: @convention(c) (Result?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
  let getlength: @convention(c) (Result?, Int32, Int32) -> Int32
  let getisnull: @convention(c) (Result?, Int32, Int32) -> Int32
  let cmdTuples: @convention(c) (Result?) -> UnsafeMutablePointer<CChar>?
  /// Pipeline mode (libpq 14 and later), to send several statements before reading any of their
  /// results (``PostgresConnection/prefetch(_:)``); nil with an older libpq, which sends each alone.
  let pipeline: Pipeline?
  struct Pipeline {
    let sendQueryParams:
      @convention(c) (
        Conn?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?,
        UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
      ) -> Int32
    let getResult: @convention(c) (Conn?) -> Result?
    let enter: @convention(c) (Conn?) -> Int32
    let exit: @convention(c) (Conn?) -> Int32
    let sync: @convention(c) (Conn?) -> Int32
  }
  typealias NoticeProcessor = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void
  let setNoticeProcessor:
    @convention(c) (Conn?, NoticeProcessor?, UnsafeMutableRawPointer?) -> NoticeProcessor?

  /// The library's file name: the soname of libpq 10 and later.
  package static let fileName = "libpq.so.5"

  /// libpq, loaded once per process (nil and the error when it cannot be).
  static let loaded: Swift.Result<LibPQ, PostgresError> = load(fileName)

  static func shared() throws(PostgresError) -> LibPQ {
    switch loaded {
    case .success(let library): return library
    case .failure(let error): throw error
    }
  }

  /// Loads the library `file` (the tests name one that is not there).
  package static func load(_ file: String) -> Swift.Result<LibPQ, PostgresError> {
    // RTLD_LOCAL: libpq's symbols stay out of the global namespace, reached only through dlsym.
    // RTLD_LAZY: libpq and the two dozen libraries it loads (Kerberos, LDAP, GnuTLS…) bind each
    // function on its first call, not all of them before the first connection: 6.4 → 5.0 ms of a
    // command's start (the functions Accord calls are all looked up below, so none is missing).
    guard let handle = dlopen(file, RTLD_LAZY | RTLD_LOCAL) else {
      return .failure(.libraryMissing)
    }
    do {
      return .success(try LibPQ(handle: handle))
    } catch {
      return .failure(error)
    }
  }

  private init(handle: UnsafeMutableRawPointer) throws(PostgresError) {
    func symbol<F>(_ name: String) throws(PostgresError) -> F {
      guard let address = dlsym(handle, name) else {
        throw PostgresError.libraryIncomplete(symbol: name)
      }
      return unsafeBitCast(address, to: F.self)
    }
    connectdb = try symbol("PQconnectdb")
    finish = try symbol("PQfinish")
    status = try symbol("PQstatus")
    errorMessage = try symbol("PQerrorMessage")
    connectionNeedsPassword = try symbol("PQconnectionNeedsPassword")
    transactionStatus = try symbol("PQtransactionStatus")
    db = try symbol("PQdb")
    user = try symbol("PQuser")
    host = try symbol("PQhost")
    port = try symbol("PQport")
    backendPID = try symbol("PQbackendPID")
    exec = try symbol("PQexec")
    execParams = try symbol("PQexecParams")
    resultStatus = try symbol("PQresultStatus")
    resultErrorMessage = try symbol("PQresultErrorMessage")
    resultErrorField = try symbol("PQresultErrorField")
    clear = try symbol("PQclear")
    ntuples = try symbol("PQntuples")
    nfields = try symbol("PQnfields")
    fname = try symbol("PQfname")
    ftype = try symbol("PQftype")
    getvalue = try symbol("PQgetvalue")
    getlength = try symbol("PQgetlength")
    getisnull = try symbol("PQgetisnull")
    cmdTuples = try symbol("PQcmdTuples")
    setNoticeProcessor = try symbol("PQsetNoticeProcessor")
    pipeline = try? Pipeline(
      sendQueryParams: symbol("PQsendQueryParams"), getResult: symbol("PQgetResult"),
      enter: symbol("PQenterPipelineMode"), exit: symbol("PQexitPipelineMode"), sync: symbol("PQpipelineSync")
    )
  }
}

/// A C string from libpq, copied; "" for none.
func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
  pointer.map { String(cString: $0) } ?? ""
}
