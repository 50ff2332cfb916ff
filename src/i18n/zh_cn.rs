//! 简体中文界面文字。

use super::Strings;

/// zh-CN interface strings.
pub(super) const STRINGS: Strings = Strings {
    app_name: "护河护水",
    app_description: "护河护水：亲子护水知识问答、防溺水指南和河道巡河路线图，离线也能用。",
    skip_to_content: "跳到正文",
    main_nav: "主导航",
    home: "首页",
    quiz: "知识问答",
    quiz_description: "选主题和年龄，一家人轮流答题，赢取护河小卫士证书。",
    guide: "防溺水指南",
    guide_description: "六不一会、识别溺水、呼救与岸上施救：一分钟看懂。",
    map: "巡河地图",
    map_description: "巡河路线、危险点和救生设备位置，离线可查看。",
    switch_language: "切换语言",
    emergency: "紧急求助",
    loading: "正在加载…",
    load_failed: "内容没能加载出来",
    retry: "重试",
    error_network: "网络连接失败，无法获取 {file}。",
    error_status: "服务器找不到 {file}（状态码 {status}）。",
    error_parse: "{file} 格式有误：{message}",
    error_invalid: "{file} 内容有问题：",
    line_column: "第 {line} 行第 {column} 列",
    not_found_title: "找不到这个页面",
    not_found_body: "链接可能写错了，或者页面已经移动。",
    back_home: "回到首页",
    event: "活动",
    place: "地点",
    date: "日期",
    organizer: "主办",
    start_here: "从这里开始",
};
