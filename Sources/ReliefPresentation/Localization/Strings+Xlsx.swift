/// Words of `.xlsx` workbooks and of Chinese spreadsheets (Docs/data.md).
extension Strings {
  static let englishXlsx: [String: String] = [
    "xlsx.true": "true",
    "xlsx.false": "false",
    "xlsx.error.not-xlsx":
      "the file is not an .xlsx workbook that can be read; save it again from Excel, WPS or LibreOffice as .xlsx (Excel Workbook)",
    "xlsx.error.several-sheets":
      "the workbook has records on more than one sheet ({sheets}); keep the records on one sheet, or save each sheet as its own file",
    "xlsx.error.too-many-rows":
      "a sheet holds at most {limit} records; export as CSV or JSON, or choose fewer (--kind)",
    "xlsx.error.write": "the workbook could not be assembled",
    "xlsx.error.terminal":
      "an .xlsx workbook is not for the terminal; write it to a file with --output FILE.xlsx",
    "xlsx.error.value-without-header":
      "column {column} has a value but no header; name the column in the header row, or empty it",
  ]

  static let chineseXlsx: [String: String] = [
    "xlsx.true": "是",
    "xlsx.false": "否",
    "xlsx.error.not-xlsx": "该文件不是可读取的 .xlsx 工作簿；请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx（Excel 工作簿）",
    "xlsx.error.several-sheets": "工作簿有多个工作表含有记录（{sheets}）；请把记录放在一个工作表中，或将各工作表分别另存为文件",
    "xlsx.error.too-many-rows": "一个工作表最多容纳 {limit} 条记录；请导出为 CSV 或 JSON，或缩小范围（--kind）",
    "xlsx.error.write": "无法生成工作簿",
    "xlsx.error.terminal": ".xlsx 工作簿不能输出到终端；请用 --output 文件名.xlsx 写入文件",
    "xlsx.error.value-without-header": "第 {column} 列有值但没有表头；请在表头行填写列名，或清空该列",
  ]
}
