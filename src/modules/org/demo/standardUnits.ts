/**
 * The standard departments of a county and the CDI teams stationed in them. A starting list that the
 * office edits in 组织机构; codes are the county code plus a short suffix so they never collide with
 * official division codes.
 */
export const standardDepartments: Array<{ suffix: string; name: string }> = [
  { suffix: 'D01', name: '县委办公室' }, { suffix: 'D02', name: '县人大常委会办公室' }, { suffix: 'D03', name: '县政府办公室' },
  { suffix: 'D04', name: '县政协办公室' }, { suffix: 'D05', name: '县委组织部' }, { suffix: 'D06', name: '县委宣传部' },
  { suffix: 'D07', name: '县委统战部' }, { suffix: 'D08', name: '县委政法委员会' }, { suffix: 'D09', name: '县发展和改革局' },
  { suffix: 'D10', name: '县教育体育局' }, { suffix: 'D11', name: '县公安局' }, { suffix: 'D12', name: '县民政局' },
  { suffix: 'D13', name: '县财政局' }, { suffix: 'D14', name: '县人力资源和社会保障局' }, { suffix: 'D15', name: '县自然资源局' },
  { suffix: 'D16', name: '县住房和城乡建设局' }, { suffix: 'D17', name: '县交通运输局' }, { suffix: 'D18', name: '县水务局' },
  { suffix: 'D19', name: '县农业农村局' }, { suffix: 'D20', name: '县卫生健康局' }, { suffix: 'D21', name: '县审计局' },
  { suffix: 'D22', name: '县市场监督管理局' }, { suffix: 'D23', name: '县医疗保障局' }, { suffix: 'D24', name: '县林业和草原局' },
  { suffix: 'D25', name: '县公共资源交易中心' }, { suffix: 'D26', name: '县政务服务管理局' },
];

export const stationedTeams: Array<{ suffix: string; name: string; covers: string[] }> = [
  { suffix: 'S01', name: '县纪委监委派驻第一纪检监察组', covers: ['D01', 'D02', 'D03', 'D04'] },
  { suffix: 'S02', name: '县纪委监委派驻第二纪检监察组', covers: ['D05', 'D06', 'D07', 'D08'] },
  { suffix: 'S03', name: '县纪委监委派驻第三纪检监察组', covers: ['D09', 'D13', 'D21', 'D25'] },
  { suffix: 'S04', name: '县纪委监委派驻第四纪检监察组', covers: ['D10', 'D14', 'D20', 'D23'] },
  { suffix: 'S05', name: '县纪委监委派驻第五纪检监察组', covers: ['D15', 'D16', 'D17', 'D18', 'D24'] },
  { suffix: 'S06', name: '县纪委监委派驻第六纪检监察组', covers: ['D11', 'D12', 'D19', 'D22', 'D26'] },
];

export const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split('');
export const givenChars = '建国华明伟芳军勇静丽强磊洋艳杰娟涛超秀英敏霞平刚桂兰志红云飞鹏宇浩俊辉玲丹萍燕春晓琳雪梅海波亮斌成林忠学文彬德'.split('');
