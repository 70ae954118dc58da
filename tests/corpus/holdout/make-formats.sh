#!/usr/bin/env bash
# Rebuilds the hold-out documents in docs/ from src/. Needs python3, soffice (LibreOffice) and node with the
# worktree's node_modules (exceljs). PDF and Word files carry their build time, so a rebuild changes their bytes,
# never their text. Run from anywhere:  bash tests/corpus/holdout/make-formats.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="$HERE/src"
DOCS="$HERE/docs"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# A profile of our own, so a running LibreOffice does not take the conversion over.
SOFFICE=(soffice --headless "-env:UserInstallation=file://$TMP/profile")

# 01: .docx written as plain OOXML (heading styles, merged cells).
python3 "$SRC/01-build-docx.py" "$DOCS/01-lanzhou-gangyao-fengong.docx"

# 02: 专项规划, HTML printed to PDF.
"${SOFFICE[@]}" --convert-to pdf:writer_pdf_Export --outdir "$TMP" "$SRC/02-qiwan-shuzi-jingji-guihua.html" >/dev/null
cp "$TMP/02-qiwan-shuzi-jingji-guihua.pdf" "$DOCS/"

# 03: UTF-8 with BOM and CRLF line ends.
python3 - "$SRC/03-hongbei-xiaofei-xingdong.txt" "$DOCS/03-hongbei-xiaofei-xingdong.txt" <<'EOF'
import sys
text = open(sys.argv[1], encoding='utf-8').read()
open(sys.argv[2], 'wb').write(b'\xef\xbb\xbf' + text.replace('\n', '\r\n').encode('utf-8'))
EOF

# 04: GB18030, LF line ends.
python3 - "$SRC/04-heling-xiangcun-lvyou-shishi.txt" "$DOCS/04-heling-xiangcun-lvyou-shishi.txt" <<'EOF'
import sys
open(sys.argv[2], 'wb').write(open(sys.argv[1], encoding='utf-8').read().encode('gb18030'))
EOF

# 05: 政策措施, HTML opened as a Writer document and saved as .docx by LibreOffice.
"${SOFFICE[@]}" --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$TMP" "$SRC/05-heting-zhizao-cuoshi.html" >/dev/null
cp "$TMP/05-heting-zhizao-cuoshi.docx" "$DOCS/"

# 06: 复函, HTML printed to PDF.
"${SOFFICE[@]}" --convert-to pdf:writer_pdf_Export --outdir "$TMP" "$SRC/06-tongchuan-tian-fuhan.html" >/dev/null
cp "$TMP/06-tongchuan-tian-fuhan.pdf" "$DOCS/"

# 07: notice with two documents, HTML opened as a Writer document and saved as Word 97 (.doc).
"${SOFFICE[@]}" --infilter="HTML (StarWriter)" --convert-to 'doc:MS Word 97' --outdir "$TMP" "$SRC/07-tanxi-tongzhi-liangfang.html" >/dev/null
cp "$TMP/07-tanxi-tongzhi-liangfang.doc" "$DOCS/"

# 08: 分工表 workbook written with exceljs.
NODE_PATH="$HERE/../../../node_modules" node "$SRC/08-build-xlsx.js" "$DOCS/08-yuyang-fengong-biao.xlsx" >/dev/null

echo "rebuilt: $(ls "$DOCS" | tr '\n' ' ')"
