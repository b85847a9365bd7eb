// swift-format-ignore-file
// Words of outputs: files written with --output or `db backup`, standard output, and the
// database file itself. Same keys in both tables.

extension Strings {
  package static let englishOutputs: [String: String] = [
    "output.error.is-database": "{path} is the database itself or one of its files; write to another file",
    "output.error.not-a-file": "{path} is {kind}, not a regular file; Relief writes only to a regular file or a new one: choose another name",
    "output.error.cannot-write": "cannot write {path}: {reason}; nothing was written, and a file already there is unchanged",
    "output.error.standard-output": "cannot write to standard output: {reason}",
    "output.kind.symlink": "a symbolic link",
    "output.kind.fifo": "a FIFO (named pipe)",
    "output.kind.device": "a device",
    "output.kind.directory": "a folder",
    "output.kind.socket": "a socket",
    "output.kind.other": "a special file",
    "output.reason.no-space": "No space left on device",
    "output.reason.quota": "Disk quota exceeded",
    "output.reason.too-large": "File too large",
    "output.reason.io": "Input/output error",
    "output.reason.closed": "Bad file descriptor (the output is closed)",
    "output.reason.pipe": "Broken pipe",
    "output.reason.access": "Permission denied",
    "output.reason.read-only": "Read-only file system",
    "output.reason.no-folder": "No such folder",
    "error.empty-database-file": "{path} is an empty file, not a Relief database; run `relief init` to make it one, or name another database with --db",
  ]

  package static let chineseOutputs: [String: String] = [
    "output.error.is-database": "{path} 就是数据库本身或其附属文件；请写入另一个文件",
    "output.error.not-a-file": "{path} 是{kind}，不是普通文件；Relief 只写入普通文件或新文件：请换一个文件名",
    "output.error.cannot-write": "无法写入 {path}：{reason}；未写入任何内容，原有文件保持不变",
    "output.error.standard-output": "无法写入标准输出：{reason}",
    "output.kind.symlink": "符号链接",
    "output.kind.fifo": "命名管道（FIFO）",
    "output.kind.device": "设备文件",
    "output.kind.directory": "文件夹",
    "output.kind.socket": "套接字",
    "output.kind.other": "特殊文件",
    "output.reason.no-space": "磁盘空间不足",
    "output.reason.quota": "超出磁盘配额",
    "output.reason.too-large": "文件过大",
    "output.reason.io": "输入/输出错误",
    "output.reason.closed": "文件描述符无效（输出已关闭）",
    "output.reason.pipe": "管道已断开",
    "output.reason.access": "权限不足",
    "output.reason.read-only": "只读文件系统",
    "output.reason.no-folder": "文件夹不存在",
    "error.empty-database-file": "{path} 是空文件，不是 Relief 数据库；请运行 `relief init` 将其初始化，或用 --db 指定其他数据库",
  ]
}
