"""The words the site itself says around the data, in each language."""
from __future__ import annotations

LABELS = {
    "zh": {
        "inspected": "{team}对{unit}进行了巡察",
        "period": "巡察时间",
        "feedback": "反馈意见",
        "report": "公布整改情况",
        "completed_of": "已完成整改 {done} / {total} 个问题（{percent}）",
        "immediate_of": "立行立改、即知即改问题 {done} / {total} 个已整改到位",
        "figure": "类别",
        "count": "数量",
        "accountability": "问责情况",
        "meetings": "会议与督办",
        "area_measures": "{count} 项整改措施",
        "area_kicker": "巡察反馈问题 · 第 {number} 个方面，共 {total} 个",
        "measures": "整改情况",
        "figures_in": "本项中的数字",
        "in_notice": "在公告原文中查看",
        "phone": "联系电话",
        "address": "单位地址",
        "postcode": "邮编",
        "email": "电子邮箱",
        "contact": "联系我们",
        "source": "数据来源：{signature}《{title}》，{date}发布。",
        "as_of": "截至{date}",
        "edit_data": "修改这部分数据",
    },
    "en": {
        "inspected": "{team} inspected {unit}",
        "period": "Inspection",
        "feedback": "Feedback given",
        "report": "Rectification report published",
        "completed_of": "{done} of {total} problems rectified ({percent})",
        "immediate_of": "{done} of {total} problems for immediate rectification done",
        "figure": "Type",
        "count": "Number",
        "accountability": "Accountability",
        "meetings": "Meetings and follow-ups",
        "area_measures": "{count} measures",
        "area_kicker": "Problem raised by the inspection · area {number} of {total}",
        "measures": "What was done",
        "figures_in": "Figures in this measure",
        "in_notice": "See it in the official notice",
        "phone": "Phone",
        "address": "Address",
        "postcode": "Postcode",
        "email": "Email",
        "contact": "Contact",
        "source": "Source: “{title}” published by the {signature} on {date}.",
        "as_of": "as of {date}",
        "edit_data": "Edit this data",
    },
}


def label(lang: str, key: str, **values) -> str:
    return LABELS[lang][key].format(**values)
