// swift-format-ignore-file
// Words of the officer's name, read-only databases and the checks they leave out.

extension Strings {
  package static let englishWriters: [String: String] = [
    "error.officer-env": "RELIEF_OFFICER is not a usable officer name: {reason}; correct it, or unset it to record under your login name",
    "error.database-read-only": "you may not write the database {path} (the file, its folder or the disk is read-only): commands that record need write access; commands that only read, such as case list, work without it",
    "error.database-unreadable": "cannot read {path} without write access: SQLite needs to create its shared-memory file {path}-shm beside it, and may not; ask someone who may write the folder for access, or for a copy (relief db backup FILE)",
    "error.older-schema-read-only": "the database {path} has schema {found}, older than this relief ({supported}), and you may not write it to upgrade it; ask someone who may write it to run relief init (or any command that records) once",
    "db.check.skipped.search": "the search index's internal structure (SQLite's own FTS5 check) was not checked: that check needs write access to the database; its contents were checked",
  ]

  package static let chineseWriters: [String: String] = [
    "error.officer-env": "RELIEF_OFFICER 不是可用的记录人姓名：{reason}；请改正，或取消设置以登录名记录",
    "error.database-read-only": "您无权写入数据库 {path}（文件、所在文件夹或磁盘为只读）：登记类命令需要写权限；只读命令（如 case list）不受影响",
    "error.database-unreadable": "无写权限时无法读取 {path}：SQLite 需要在其旁边创建共享内存文件 {path}-shm，但无权创建；请向有该文件夹写权限的人申请权限，或索取副本（relief db backup 文件）",
    "error.older-schema-read-only": "数据库 {path} 的结构版本为 {found}，早于本程序（{supported}），而您无权写入以升级；请有写权限的人运行一次 relief init（或任一登记类命令）",
    "db.check.skipped.search": "未检查搜索索引的内部结构（SQLite 自带的 FTS5 检查）：该检查需要数据库写权限；索引内容已检查",
  ]
}
