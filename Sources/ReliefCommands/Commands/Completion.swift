import ArgumentParser
import ReliefPresentation

extension Relief {
  /// `relief completion bash|zsh|fish`: prints the shell's completion script.
  struct Completion: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "completion",
      abstract: "Print the completion script for bash, zsh or fish.",
      discussion: """
        The script completes subcommands and options, and asks `relief` for case ids, the \
        events a case allows now and the states of a kind, from the database that --db or \
        RELIEF_DB names. Install it once (see the README):
          relief completion bash > ~/.local/share/bash-completion/completions/relief
          relief completion zsh > "${fpath[1]}/_relief"
          relief completion fish > ~/.config/fish/completions/relief.fish
        """)

    /// A shell with a completion script.
    enum Shell: String, CaseIterable, ExpressibleByArgument {
      case bash, zsh, fish
    }

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: Shell

    func run() throws {
      let script = Relief.completionScript(for: CompletionShell(rawValue: shell.rawValue)!)
      try StandardOutput.write(script.hasSuffix("\n") ? script : script + "\n")
    }
  }
}
