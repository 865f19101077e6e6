// swift-tools-version:6.1
// libFuzzer targets for what Accord reads from elsewhere: build and run them with fuzz/run
// (they need -sanitize=fuzzer, which a plain `swift build` does not pass, so they live apart from
// the main package).
import PackageDescription

let targets = ["FuzzCSV", "FuzzExport", "FuzzDates", "FuzzSearch", "FuzzNames", "FuzzDatasets"]

let package = Package(
  name: "AccordFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "Accord", path: "..")],
  targets: targets.map { name in
    .executableTarget(
      name: name,
      dependencies: [
        .product(name: "AccordStore", package: "Accord"), .product(name: "AccordSQLite", package: "Accord"),
        .product(name: "AccordTransfer", package: "Accord"),
        .product(name: "AccordSamples", package: "Accord"),
      ],
      // libFuzzer has the main function; the libraries are instrumented by fuzz/run's flags.
      swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])],
      linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])])
  }
)
