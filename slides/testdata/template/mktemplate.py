# Writes company.potx: a hand-made company template for the --template test.
import zipfile, sys
A='http://schemas.openxmlformats.org/drawingml/2006/main'
R='http://schemas.openxmlformats.org/officeDocument/2006/relationships'
P='http://schemas.openxmlformats.org/presentationml/2006/main'
NS=f'xmlns:a="{A}" xmlns:r="{R}" xmlns:p="{P}"'
H='<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
RT='http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
CT='application/vnd.openxmlformats-officedocument.presentationml.'
W,HH=9144000,5143500
def rels(*rs):
    return H+'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'+''.join(f'<Relationship Id="{i}" Type="{RT}{t}" Target="{g}"/>' for i,t,g in rs)+'</Relationships>'
grp='<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
def ph(id,name,phx,x,y,cx,cy,text='<a:endParaRPr lang="en-US"/>'):
    xf='' if x is None else f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    return f'<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{phx}</p:nvPr></p:nvSpPr><p:spPr>{xf}</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p>{text}</a:p></p:txBody></p:sp>'
band=('<p:sp><p:nvSpPr><p:cNvPr id="20" name="Contoso band"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="228600"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>' % W +
      '<p:sp><p:nvSpPr><p:cNvPr id="21" name="Contoso mark"/><p:cNvSpPr txBox="1"/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="7400000" y="4800000"/><a:ext cx="1500000" cy="300000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn="r"/><a:r><a:rPr lang="en-US" sz="1000" b="1"><a:solidFill><a:schemeClr val="accent2"/></a:solidFill></a:rPr><a:t>CONTOSO INTERNAL</a:t></a:r></a:p></p:txBody></p:sp>')
num='<a:fld id="{1D4A8C1E-0000-4000-8000-000000000001}" type="slidenum"><a:rPr lang="en-US"/><a:t>‹#›</a:t></a:fld>'
ftr=ph(5,'Footer Placeholder 4','<p:ph type="ftr" sz="quarter" idx="11"/>',457200,4800000,3000000,300000)+ph(6,'Slide Number Placeholder 5','<p:ph type="sldNum" sz="quarter" idx="12"/>',3800000,4800000,800000,300000,num)
master=(H+f'<p:sldMaster {NS}><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val="FBF7EF"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>'+grp+band+
 ph(2,'Title Placeholder 1','<p:ph type="title"/>',457200,300000,8229600,700000)+
 ph(3,'Text Placeholder 2','<p:ph type="body" idx="1"/>',457200,1100000,8229600,3500000)+ftr+
 '</p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>'+
 '<p:sldLayoutIdLst><p:sldLayoutId id="2147483701" r:id="rId1"/><p:sldLayoutId id="2147483702" r:id="rId2"/><p:sldLayoutId id="2147483703" r:id="rId3"/></p:sldLayoutIdLst>'+
 '<p:txStyles><p:titleStyle><a:lvl1pPr algn="l"><a:defRPr sz="2800" b="1"><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/></a:defRPr></a:lvl1pPr></p:titleStyle>'+
 '<p:bodyStyle><a:lvl1pPr marL="228600" indent="-228600" algn="l"><a:buChar char="■"/><a:defRPr sz="1800"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/></a:defRPr></a:lvl1pPr>'+
 '<a:lvl2pPr marL="685800" indent="-228600" algn="l"><a:buChar char="–"/><a:defRPr sz="1600"/></a:lvl2pPr></p:bodyStyle><p:otherStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr></p:otherStyle></p:txStyles></p:sldMaster>')
def layout(typ,name,body):
    return H+f'<p:sldLayout {NS} type="{typ}" preserve="1"><p:cSld name="{name}"><p:spTree>'+grp+body+ftr+'</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>'
title=layout('title','Contoso Title',ph(2,'Title 1','<p:ph type="ctrTitle"/>',685800,1500000,7772400,1100000)+ph(3,'Subtitle 2','<p:ph type="subTitle" idx="1"/>',685800,2700000,7772400,900000))
obj=layout('obj','Contoso Content',ph(2,'Title 1','<p:ph type="title"/>',None,0,0,0)+ph(3,'Content Placeholder 2','<p:ph idx="1"/>',457200,1000000,8229600,3700000))
sec=layout('secHead','Contoso Section',ph(2,'Title 1','<p:ph type="title"/>',685800,1800000,7772400,900000)+ph(3,'Text 2','<p:ph type="body" idx="1"/>',685800,2800000,7772400,600000))
theme=(H+f'<a:theme xmlns:a="{A}" name="Contoso Corporate"><a:themeElements><a:clrScheme name="Contoso">'+
 '<a:dk1><a:srgbClr val="222222"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="0B3D2E"/></a:dk2><a:lt2><a:srgbClr val="F2EEE6"/></a:lt2>'+
 '<a:accent1><a:srgbClr val="0B6E4F"/></a:accent1><a:accent2><a:srgbClr val="C8553D"/></a:accent2><a:accent3><a:srgbClr val="2D7DD2"/></a:accent3><a:accent4><a:srgbClr val="F2A541"/></a:accent4><a:accent5><a:srgbClr val="6D597A"/></a:accent5><a:accent6><a:srgbClr val="3A3A3A"/></a:accent6>'+
 '<a:hlink><a:srgbClr val="2D7DD2"/></a:hlink><a:folHlink><a:srgbClr val="6D597A"/></a:folHlink></a:clrScheme>'+
 '<a:fontScheme name="Contoso"><a:majorFont><a:latin typeface="Georgia"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Verdana"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>'+
 '<a:fmtScheme name="Contoso"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>'+
 '<a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="28575"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>'+
 '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>'+
 '<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>'+
 '</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>')
pres=(H+f'<p:presentation {NS}><p:sldMasterIdLst><p:sldMasterId id="2147483700" r:id="rId1"/></p:sldMasterIdLst>'+
 f'<p:sldSz cx="{W}" cy="{HH}"/><p:notesSz cx="6858000" cy="9144000"/><p:defaultTextStyle><a:lvl1pPr><a:defRPr sz="1800"/></a:lvl1pPr></p:defaultTextStyle></p:presentation>')
parts={
 '[Content_Types].xml': H+'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'+
   f'<Override PartName="/ppt/presentation.xml" ContentType="{CT}template.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="{CT}slideMaster+xml"/>'+
   ''.join(f'<Override PartName="/ppt/slideLayouts/slideLayout{i}.xml" ContentType="{CT}slideLayout+xml"/>' for i in (1,2,3))+
   '<Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>',
 '_rels/.rels': rels(('rId1','officeDocument','ppt/presentation.xml')),
 'ppt/presentation.xml': pres,
 'ppt/_rels/presentation.xml.rels': rels(('rId1','slideMaster','slideMasters/slideMaster1.xml'),('rId2','theme','theme/theme1.xml')),
 'ppt/slideMasters/slideMaster1.xml': master,
 'ppt/slideMasters/_rels/slideMaster1.xml.rels': rels(('rId1','slideLayout','../slideLayouts/slideLayout1.xml'),('rId2','slideLayout','../slideLayouts/slideLayout2.xml'),('rId3','slideLayout','../slideLayouts/slideLayout3.xml'),('rId4','theme','../theme/theme1.xml')),
 'ppt/slideLayouts/slideLayout1.xml': title, 'ppt/slideLayouts/slideLayout2.xml': sec, 'ppt/slideLayouts/slideLayout3.xml': obj,
 'ppt/theme/theme1.xml': theme,
}
for i in (1,2,3):
    parts[f'ppt/slideLayouts/_rels/slideLayout{i}.xml.rels']=rels(('rId1','slideMaster','../slideMasters/slideMaster1.xml'))
with zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z:
    for n in sorted(parts):
        zi=zipfile.ZipInfo(n,(1980,1,1,0,0,0)); zi.compress_type=zipfile.ZIP_DEFLATED
        z.writestr(zi,parts[n])
