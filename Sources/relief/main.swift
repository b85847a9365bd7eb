import ReliefCommands

Relief.run()
