#!/bin/sh
# Rebuilds the documents of tests/corpus/docs that are not hand-written UTF-8 text:
# re-encoded .txt (GB18030, UTF-16LE), .docx/.doc/.wps/.pdf converted by LibreOffice from the
# HTML sources in src/, and the two .xlsx workbooks written by make-xlsx.js (exceljs).
# Run from anywhere: sh tests/corpus/make-formats.sh   (needs python3, soffice, node)
set -e
cd "$(dirname "$0")"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# LibreOffice with a private profile so a running instance does not swallow the conversion
SOFFICE="soffice -env:UserInstallation=file://$TMP/profile --headless"

# 1. re-encoded text documents
python3 - <<'PY'
src = open('src/02-lanzhou-jienengjianpai-fenjie.txt', encoding='utf-8').read()
open('docs/02-lanzhou-jienengjianpai-fenjie.txt', 'wb').write(src.replace('\n', '\r\n').encode('gb18030'))
src = open('src/03-nanpu-yingshang-qingdan.txt', encoding='utf-8').read()
open('docs/03-nanpu-yingshang-qingdan.txt', 'wb').write(('\ufeff' + src.replace('\n', '\r\n')).encode('utf-16-le'))
src = open('src/26-shanyang-gongye-wending-fangan.txt', encoding='utf-8').read()
open('docs/26-shanyang-gongye-wending-fangan.txt', 'wb').write(src.replace('\n', '\r\n').encode('gb18030'))
src = open('src/49-lichuan-zhuchanye-dafu.txt', encoding='utf-8').read()
open('docs/49-lichuan-zhuchanye-dafu.txt', 'wb').write(src.replace('\n', '\r\n').encode('gb18030'))
src = open('src/61-cenchuan-nongcun-jidi-shishi-yijian.txt', encoding='utf-8').read()
open('docs/61-cenchuan-nongcun-jidi-shishi-yijian.txt', 'wb').write(src.replace('\n', '\r\n').encode('gb18030'))
PY

# 2. LibreOffice conversions: src/NN-slug.html -> docs/NN-slug.EXT
convert() {  # convert SRC FILTER EXT
  $SOFFICE --convert-to "$2" --outdir "$TMP" "$1" >/dev/null 2>&1
  base=$(basename "$1" .html)
  mv "$TMP/$base.${2%%:*}" "docs/$base.$3"
}
convert src/07-tongling-zhizao-cuoshi.html pdf:writer_pdf_Export pdf
convert src/08-beisha-chongdian-dafu.html 'doc:MS Word 97' doc
convert src/23-lixian-xiandai-fuwuye-guihua.html 'doc:MS Word 97' doc
convert src/44-qinyang-shuzi-jingji-guihua.html 'doc:MS Word 97' doc
convert src/63-luchuan-xianyu-shangye-sannian-xingdong-jihua.html 'doc:MS Word 97' doc
# a WPS Office file as they usually come: a Word 97 binary with the .wps extension
convert src/09-xuyang-renju-tongzhi.html 'doc:MS Word 97' wps
convert src/28-baishui-gangyao-renwu-fengong.html 'doc:MS Word 97' wps
convert src/46-jichuan-xiandai-wuliu-cuoshi.html 'doc:MS Word 97' wps
convert src/54-xiaoyu-shuzi-jingji-guihua.html 'doc:MS Word 97' wps
convert src/58-hongyang-zhengfu-gongzuo-baogao-fengong.html 'doc:MS Word 97' wps
convert src/70-qifeng-zhen-gongzuo-jihua.html 'doc:MS Word 97' wps
convert src/10-cuihu-shengtai-guihua.html 'docx:MS Word 2007 XML' docx
convert src/11-fuyang-shuzizhengfu-fengong.html 'docx:MS Word 2007 XML' docx
convert src/12-wandong-zhizao-shuzhuan.html 'docx:MS Word 2007 XML' docx
convert src/19-qingyuan-shuzi-jingji-guihua.html 'docx:MS Word 2007 XML' docx
convert src/20-jiangling-zhuanjingtexin-cuoshi.html 'docx:MS Word 2007 XML' docx
convert src/24-yunhe-wenlv-xiaofei-cuoshi.html 'docx:MS Word 2007 XML' docx
convert src/30-yuanzhou-xinxing-chengzhenhua-guihua.html 'docx:MS Word 2007 XML' docx
convert src/33-nanxi-liangge-fangan-tongzhi.html 'docx:MS Word 2007 XML' docx
convert src/35-fengcheng-zhizao-qiangshi-guihua.html 'docx:MS Word 2007 XML' docx
convert src/34-xiping-minying-jingji-cuoshi.html 'docx:MS Word 2007 XML' docx
convert src/36-yupu-zhihui-chengshi-guihua.html 'docx:MS Word 2007 XML' docx
convert src/39-huaichuan-nongchanpin-jiagong-cuoshi.html 'docx:MS Word 2007 XML' docx
convert src/43-zhishan-lenglian-wuliu-dafu.html 'docx:MS Word 2007 XML' docx
convert src/52-rongjiang-ruanjian-xinxi-guihua.html 'docx:MS Word 2007 XML' docx
convert src/56-langchuan-zhongxiao-shuzhuan-fuhan.html 'docx:MS Word 2007 XML' docx
convert src/60-jingwan-wenlv-guihua-mubiao-fenjie.html 'docx:MS Word 2007 XML' docx
convert src/64-congzhou-chanyelian-lianzhangzhi-fangan.html 'docx:MS Word 2007 XML' docx
convert src/65-yaopu-yingshang-kaohe-xize.html 'docx:MS Word 2007 XML' docx
convert src/69-yangchuan-nongwenlv-sange-wenjian-tongzhi.html 'docx:MS Word 2007 XML' docx
convert src/13-laichuan-xianyu-shangye.html pdf:writer_pdf_Export pdf
convert src/17-linxi-xinjijian-guihua.html pdf:writer_pdf_Export pdf
convert src/18-shuangqiao-tian-fuhan.html pdf:writer_pdf_Export pdf
convert src/21-heyuan-liangge-fangan-tongzhi.html pdf:writer_pdf_Export pdf
convert src/22-songjiang-chanye-jiqun-guihua.html pdf:writer_pdf_Export pdf
convert src/29-hengshan-yingshang-renwu-qingdan.html pdf:writer_pdf_Export pdf
convert src/31-ludong-shuzi-jingji-guihua.html pdf:writer_pdf_Export pdf
convert src/32-qinghe-zhizaoye-zhichi-zhengce.html pdf:writer_pdf_Export pdf
convert src/37-cangyu-shengtai-huanjing-guihua.html pdf:writer_pdf_Export pdf
convert src/40-xiujiang-shuzhuan-yuanqu-tongzhi.html pdf:writer_pdf_Export pdf
convert src/42-weitang-lvse-zhizao-dafu.html pdf:writer_pdf_Export pdf
convert src/47-liaotang-chachanye-ershitiao.html pdf:writer_pdf_Export pdf
convert src/50-mianning-xinjijian-guihua.html pdf:writer_pdf_Export pdf
convert src/55-zhexi-dikong-jingji-cuoshi.html pdf:writer_pdf_Export pdf
convert src/68-qionglan-yingji-guanli-guihua.html pdf:writer_pdf_Export pdf
convert src/59-hanxi-shuzi-jingji-gongzuo-yaodian.html pdf:writer_pdf_Export pdf

# 3. the Excel workbooks (exceljs from the project's node_modules)
node make-xlsx.js
node make-xlsx-25.js
node make-xlsx-66.js
