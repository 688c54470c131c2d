#!/usr/bin/env python3
"""The bundled demo's illustrations: flat editorial scenes drawn as SVG, rendered to JPEG by
headless Chromium (Playwright) and Pillow. Not photographs of the events the articles tell of;
see CREDITS.md. Deterministic (fixed seeds): run again to get the same pictures.

    python3 content/images/_src/draw.py            # writes content/images/*.jpg
"""
from __future__ import annotations

import base64
import io
import math
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
IMAGES = HERE.parent
FONT = IMAGES.parent.parent / "themes" / "default" / "static" / "fonts" / "be-vietnam-pro-700.woff2"
W, H = 1500, 1000

SKIN = ["#f1c9a5", "#e8b48c", "#d9a07a", "#f3d2b3", "#c98d66"]
HAIR = ["#1d1a18", "#2b2320", "#3a2e28", "#151312", "#4a3a30"]


def svg(body: str, defs: str = "") -> str:
    font = base64.b64encode(FONT.read_bytes()).decode()
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">'
            f'<defs><style>@font-face{{font-family:BVP;src:url(data:font/woff2;base64,{font})}}'
            f'text{{font-family:BVP,sans-serif;font-weight:700}}</style>'
            f'<filter id="soft"><feGaussianBlur stdDeviation="6"/></filter>'
            f'<filter id="blur2"><feGaussianBlur stdDeviation="2"/></filter>'
            f'<linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0"/>'
            f'<stop offset="1" stop-color="#000" stop-opacity=".35"/></linearGradient>{defs}</defs>{body}</svg>')


def grad(gid: str, top: str, bottom: str, x2: float = 0, y2: float = 1) -> str:
    return (f'<linearGradient id="{gid}" x1="0" y1="0" x2="{x2}" y2="{y2}"><stop offset="0" stop-color="{top}"/>'
            f'<stop offset="1" stop-color="{bottom}"/></linearGradient>')


# --- people ---------------------------------------------------------------------------------------

def person_front(x: float, y: float, s: float, shirt: str, rnd: random.Random, holding: str = "",
                 trousers: str = "#2c2f36", full: bool = True, skirt: bool = False) -> str:
    """A standing figure seen from the front, feet at (x, y), height about 300*s. Faceless."""
    skin, hair = rnd.choice(SKIN), rnd.choice(HAIR)
    h = 300 * s
    head_r = 23 * s
    top = y - h
    parts = []
    if full:
        leg = trousers if not skirt else "#1f2a44"
        if skirt:
            parts.append(f'<path d="M{x-34*s},{y-130*s} L{x+34*s},{y-130*s} L{x+40*s},{y-40*s} L{x-40*s},{y-40*s}Z" fill="{leg}"/>')
            parts.append(f'<rect x="{x-22*s}" y="{y-42*s}" width="{12*s}" height="{40*s}" fill="{skin}"/>'
                         f'<rect x="{x+10*s}" y="{y-42*s}" width="{12*s}" height="{40*s}" fill="{skin}"/>')
        else:
            parts.append(f'<path d="M{x-30*s},{y-135*s} L{x+30*s},{y-135*s} L{x+27*s},{y-4*s} L{x+4*s},{y-4*s} '
                         f'L{x},{y-95*s} L{x-4*s},{y-4*s} L{x-27*s},{y-4*s}Z" fill="{leg}"/>')
        parts.append(f'<ellipse cx="{x-16*s}" cy="{y-3*s}" rx="{15*s}" ry="{5*s}" fill="#111"/>'
                     f'<ellipse cx="{x+16*s}" cy="{y-3*s}" rx="{15*s}" ry="{5*s}" fill="#111"/>')
    body_top = top + 2.2 * head_r
    parts.append(f'<path d="M{x-40*s},{body_top+14*s} Q{x-42*s},{body_top} {x-20*s},{body_top-4*s} L{x+20*s},{body_top-4*s} '
                 f'Q{x+42*s},{body_top} {x+40*s},{body_top+14*s} L{x+34*s},{y-128*s} L{x-34*s},{y-128*s}Z" fill="{shirt}"/>')
    parts.append(f'<path d="M{x-12*s},{body_top-4*s} L{x},{body_top+14*s} L{x+12*s},{body_top-4*s}Z" fill="#fff" opacity=".85"/>')
    parts.append(f'<rect x="{x-8*s}" y="{top+1.6*head_r}" width="{16*s}" height="{14*s}" fill="{skin}"/>')
    parts.append(f'<circle cx="{x}" cy="{top+head_r}" r="{head_r}" fill="{skin}"/>')
    parts.append(f'<path d="M{x-head_r},{top+head_r*1.05} Q{x-head_r*1.1},{top-2*s} {x},{top-3*s} '
                 f'Q{x+head_r*1.15},{top-2*s} {x+head_r},{top+head_r*1.0} Q{x+head_r*.6},{top+head_r*.45} {x},{top+head_r*.5} '
                 f'Q{x-head_r*.7},{top+head_r*.45} {x-head_r},{top+head_r*1.05}Z" fill="{hair}"/>')
    arm_y = body_top + 6 * s
    if holding == "certificate":
        parts.append(f'<path d="M{x-38*s},{arm_y} L{x-30*s},{arm_y+70*s} L{x-8*s},{arm_y+66*s}" stroke="{shirt}" stroke-width="{14*s}" fill="none" stroke-linecap="round"/>'
                     f'<path d="M{x+38*s},{arm_y} L{x+30*s},{arm_y+70*s} L{x+8*s},{arm_y+66*s}" stroke="{shirt}" stroke-width="{14*s}" fill="none" stroke-linecap="round"/>')
        parts.append(f'<rect x="{x-30*s}" y="{arm_y+28*s}" width="{60*s}" height="{44*s}" fill="#fbf3dc" stroke="#c9a227" stroke-width="{3*s}"/>'
                     f'<rect x="{x-22*s}" y="{arm_y+36*s}" width="{44*s}" height="{5*s}" fill="#b3140f"/>'
                     f'<rect x="{x-18*s}" y="{arm_y+48*s}" width="{36*s}" height="{2.5*s}" fill="#9b8a6a"/>'
                     f'<rect x="{x-18*s}" y="{arm_y+55*s}" width="{30*s}" height="{2.5*s}" fill="#9b8a6a"/>')
    elif holding == "flowers":
        parts.append(f'<path d="M{x-38*s},{arm_y} L{x-28*s},{arm_y+75*s}" stroke="{shirt}" stroke-width="{14*s}" stroke-linecap="round"/>'
                     f'<path d="M{x+38*s},{arm_y} L{x+20*s},{arm_y+60*s} L{x+2*s},{arm_y+56*s}" stroke="{shirt}" stroke-width="{14*s}" fill="none" stroke-linecap="round"/>')
        for i, c in enumerate(["#e63946", "#ffd166", "#f28482", "#ffb703", "#e76f51"]):
            a = i / 5 * math.pi * 2
            parts.append(f'<circle cx="{x+4*s+math.cos(a)*12*s}" cy="{arm_y+36*s+math.sin(a)*10*s}" r="{9*s}" fill="{c}"/>')
        parts.append(f'<path d="M{x-8*s},{arm_y+44*s} L{x+4*s},{arm_y+80*s} L{x+16*s},{arm_y+44*s}Z" fill="#2a9d8f"/>')
    else:
        parts.append(f'<path d="M{x-38*s},{arm_y} L{x-36*s},{arm_y+92*s}" stroke="{shirt}" stroke-width="{14*s}" stroke-linecap="round"/>'
                     f'<path d="M{x+38*s},{arm_y} L{x+36*s},{arm_y+92*s}" stroke="{shirt}" stroke-width="{14*s}" stroke-linecap="round"/>'
                     f'<circle cx="{x-36*s}" cy="{arm_y+98*s}" r="{7*s}" fill="{skin}"/><circle cx="{x+36*s}" cy="{arm_y+98*s}" r="{7*s}" fill="{skin}"/>')
    return "".join(parts)


def person_back(x: float, y: float, s: float, shirt: str, rnd: random.Random) -> str:
    """A seated figure seen from behind (audience), shoulders at y."""
    hair = rnd.choice(HAIR)
    return (f'<path d="M{x-48*s},{y+70*s} Q{x-50*s},{y} {x-22*s},{y-6*s} L{x+22*s},{y-6*s} Q{x+50*s},{y} {x+48*s},{y+70*s}Z" fill="{shirt}"/>'
            f'<rect x="{x-9*s}" y="{y-20*s}" width="{18*s}" height="{16*s}" fill="{rnd.choice(SKIN)}"/>'
            f'<ellipse cx="{x}" cy="{y-38*s}" rx="{22*s}" ry="{25*s}" fill="{hair}"/>')


def flowers(x0: float, x1: float, y: float, rnd: random.Random, size: float = 18) -> str:
    out = [f'<rect x="{x0}" y="{y}" width="{x1-x0}" height="{size*2.2}" fill="#2f6b3a"/>']
    colors = ["#ffd166", "#ef476f", "#f8961e", "#f94144", "#ffe5a3", "#f9c74f", "#ff8fab"]
    x = x0
    while x < x1:
        for _ in range(2):
            out.append(f'<circle cx="{x + rnd.uniform(-6, 6):.1f}" cy="{y + rnd.uniform(-size*.6, size*.6):.1f}" '
                       f'r="{size * rnd.uniform(.55, .9):.1f}" fill="{rnd.choice(colors)}"/>')
        out.append(f'<ellipse cx="{x:.1f}" cy="{y + size*.9:.1f}" rx="{size*.9:.1f}" ry="{size*.45:.1f}" fill="#3f8f4f"/>')
        x += size * 1.15
    return "".join(out)


def star(cx: float, cy: float, r: float, fill: str) -> str:
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.382
        pts.append(f"{cx + rr*math.cos(a):.1f},{cy + rr*math.sin(a):.1f}")
    return f'<polygon points="{" ".join(pts)}" fill="{fill}"/>'


def flag(x: float, y: float, w: float) -> str:
    h = w * 2 / 3
    return (f'<rect x="{x-3}" y="{y}" width="5" height="{h*3}" fill="#c9a227"/>'
            f'<path d="M{x},{y} q{w*.25},{-h*.08} {w*.5},0 t{w*.5},0 v{h} q{-w*.25},{h*.08} {-w*.5},0 t{-w*.5},0z" fill="#da251d"/>'
            + star(x + w / 2, y + h / 2, h * 0.3, "#ffdd00"))


# --- scenes -----------------------------------------------------------------------------------------

def hall(seed: int, title: str, subtitle: str, accent: str, uniforms: list[str]) -> str:
    """A conference: stage, backdrop with the meeting's title, head table, speaker, audience."""
    rnd = random.Random(seed)
    d = grad("wall", "#5a0d0a", "#2d0605") + grad("bd", "#c8231a", "#8e0f0b") + grad("floor", "#8a5a3c", "#5b3a26") \
        + grad("cloth", accent, "#1f3d7a")
    b = [f'<rect width="{W}" height="{H}" fill="url(#wall)"/>',
         f'<rect x="110" y="60" width="{W-220}" height="420" rx="6" fill="url(#bd)" stroke="#f5c542" stroke-width="8"/>',
         f'<rect x="130" y="80" width="{W-260}" height="380" fill="none" stroke="#f5c542" stroke-width="2" opacity=".7"/>',
         star(260, 215, 90, "#ffd43b"),
         f'<text x="{W/2+90}" y="190" text-anchor="middle" font-size="46" fill="#ffe9a8">{title}</text>',
         f'<text x="{W/2+90}" y="262" text-anchor="middle" font-size="34" fill="#fff">{subtitle}</text>',
         f'<rect x="{W/2-260}" y="300" width="700" height="4" fill="#ffd43b" opacity=".8"/>',
         f'<text x="{W/2+90}" y="360" text-anchor="middle" font-size="26" fill="#ffe9a8">HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH HỒ CHÍ MINH</text>',
         flag(60, 90, 70), flag(W - 130, 90, 70),
         f'<rect x="0" y="480" width="{W}" height="{H-480}" fill="url(#floor)"/>',
         f'<rect x="0" y="600" width="{W}" height="16" fill="#3b2416"/>']
    # head table with blue cloth and seated people
    b.append(f'<rect x="380" y="470" width="860" height="70" fill="url(#cloth)"/>')
    for i, px in enumerate(range(450, 1200, 125)):
        b.append(person_front(px, 560, 0.55, rnd.choice(["#f4f4f4", "#e9eef5", "#233a6b", "#f7f1e3"]), rnd, full=False))
    b.append(f'<rect x="370" y="520" width="880" height="80" fill="url(#cloth)"/>'
             f'<rect x="370" y="520" width="880" height="10" fill="#fff" opacity=".25"/>')
    for px in range(420, 1230, 125):
        b.append(f'<rect x="{px}" y="505" width="34" height="22" rx="3" fill="#f5f5f5"/>'
                 f'<rect x="{px+14}" y="486" width="4" height="22" fill="#333"/>')
    # podium with speaker
    b.append(person_front(200, 610, 0.6, rnd.choice(uniforms), rnd, full=False))
    b.append(f'<path d="M120,470 L280,470 L265,610 L135,610Z" fill="#7b4a2a"/>'
             f'<rect x="112" y="462" width="176" height="18" fill="#93603a"/>' + star(200, 535, 30, "#ffd43b"))
    b.append(flowers(0, W, 600, rnd, 20))
    # audience, in rows from the back
    for row, (y, s) in enumerate([(720, 0.85), (820, 1.0), (935, 1.18)]):
        x = -20 + (row % 2) * 55
        while x < W + 60:
            b.append(person_back(x, y, s, rnd.choice(uniforms), rnd))
            x += 112 * s
        b.append(f'<rect x="0" y="{y+55*s}" width="{W}" height="{90*s}" fill="#3a2a20" opacity=".25"/>')
    b.append(f'<rect width="{W}" height="{H}" fill="url(#shade)" opacity=".5"/>')
    return svg("".join(b), d)


def ceremony(seed: int, title: str, subtitle: str, people: int, holding: list[str], backdrop: tuple[str, str]) -> str:
    """People on a stage holding certificates and flowers, in front of a backdrop."""
    rnd = random.Random(seed)
    d = grad("wall", "#3d0b08", "#1f0504") + grad("bd", *backdrop) + grad("floor", "#a0694a", "#5e3b28")
    b = [f'<rect width="{W}" height="{H}" fill="url(#wall)"/>',
         f'<rect x="60" y="50" width="{W-120}" height="560" fill="url(#bd)" stroke="#f5c542" stroke-width="8"/>',
         star(W/2, 150, 70, "#ffd43b"),
         f'<text x="{W/2}" y="290" text-anchor="middle" font-size="54" fill="#ffe9a8">{title}</text>',
         f'<text x="{W/2}" y="355" text-anchor="middle" font-size="32" fill="#fff">{subtitle}</text>',
         flag(110, 90, 80), flag(W - 190, 90, 80),
         f'<rect x="0" y="610" width="{W}" height="{H-610}" fill="url(#floor)"/>',
         f'<ellipse cx="{W/2}" cy="700" rx="{W*0.45}" ry="60" fill="#fff" opacity=".08"/>']
    gap = (W - 200) / people
    shirts = ["#f4f4f4", "#1f3d7a", "#f7f1e3", "#7a1f2b", "#e9eef5", "#2c5f2d", "#f2e2c4", "#30343f", "#ffffff"]
    for i in range(people):
        x = 100 + gap * (i + 0.5) + rnd.uniform(-10, 10)
        s = rnd.uniform(0.98, 1.08)
        b.append(person_front(x, 860 + rnd.uniform(-6, 6), s, shirts[i % len(shirts)], rnd,
                              holding=holding[i % len(holding)], skirt=(i % 3 == 1)))
    b.append(flowers(0, W, 905, rnd, 24))
    b.append(f'<rect width="{W}" height="{H}" fill="url(#shade)" opacity=".45"/>')
    return svg("".join(b), d)


def meeting(seed: int) -> str:
    """A meeting room: the slide on the screen, the flag, a long table with people on both sides."""
    rnd = random.Random(seed)
    d = grad("wall", "#efe4cf", "#d8c7a6") + grad("table", "#8b5a36", "#5d3a22") + grad("screen", "#ffffff", "#e9eef5")
    b = [f'<rect width="{W}" height="{H}" fill="url(#wall)"/>',
         f'<rect x="0" y="560" width="{W}" height="{H-560}" fill="#b99a72"/>',
         f'<rect x="430" y="70" width="640" height="370" fill="#333"/>',
         f'<rect x="442" y="82" width="616" height="346" fill="url(#screen)"/>',
         f'<rect x="442" y="82" width="616" height="70" fill="#b3140f"/>',
         f'<text x="750" y="128" text-anchor="middle" font-size="25" fill="#fff">MÔ HÌNH ĐIỂM NĂM 2018</text>',
         star(500, 117, 22, "#ffd43b")]
    for i, w in enumerate([460, 520, 400, 480, 360]):
        b.append(f'<rect x="490" y="{185+i*44}" width="14" height="14" fill="#b3140f"/>'
                 f'<rect x="520" y="{186+i*44}" width="{w}" height="12" rx="3" fill="#9aa3b5"/>')
    b.append(flag(190, 120, 130))
    b.append(f'<rect x="1180" y="120" width="200" height="260" fill="#f7efe0" stroke="#b9a27b" stroke-width="6"/>'
             + star(1280, 250, 60, "#b3140f"))
    # table in perspective
    b.append(f'<path d="M620,520 L880,520 L1180,{H} L320,{H}Z" fill="url(#table)"/>'
             f'<path d="M620,520 L880,520 L884,530 L616,530Z" fill="#a26d45"/>')
    rows = [(560, 0.42), (640, 0.55), (740, 0.72), (870, 0.93)]
    for y, s in rows:
        t = (y - 520) / (H - 520)
        left, right = 620 - 300 * t, 880 + 300 * t
        for x, flip in ((left - 70 * s, -1), (right + 70 * s, 1)):
            b.append(person_front(x, y + 130 * s, s, rnd.choice(["#f4f4f4", "#233a6b", "#e9eef5", "#5b6b85", "#f7f1e3"]), rnd, full=False))
        b.append(f'<rect x="{left+20*s}" y="{y}" width="{60*s}" height="{40*s}" fill="#fff" transform="skewX(-10)"/>'
                 f'<rect x="{right-80*s}" y="{y}" width="{60*s}" height="{40*s}" fill="#fff" transform="skewX(10)"/>')
    b.append(person_front(750, 620, 0.45, "#f4f4f4", rnd, full=False))
    b.append(f'<rect width="{W}" height="{H}" fill="url(#shade)" opacity=".35"/>')
    return svg("".join(b), d)


def mountains(rnd: random.Random, layers: list[tuple[str, float, float]]) -> str:
    out = []
    for color, base, amp in layers:
        pts = [f"0,{H}"]
        x = 0
        y = base
        while x <= W + 60:
            y = base - amp * (0.5 + 0.5 * math.sin(x / rnd.uniform(90, 200) + rnd.uniform(0, 6))) - rnd.uniform(0, amp * .3)
            pts.append(f"{x:.0f},{y:.0f}")
            x += rnd.uniform(40, 90)
        pts.append(f"{W},{H}")
        out.append(f'<polygon points="{" ".join(pts)}" fill="{color}"/>')
    return "".join(out)


def terraces(rnd: random.Random, top: float, colors: list[str]) -> str:
    out = []
    y = top
    i = 0
    while y < H + 40:
        h = 18 + (y - top) * 0.09
        wave = rnd.uniform(20, 50)
        phase = rnd.uniform(0, 6)
        pts_top = [(x, y + wave * math.sin(x / 260 + phase)) for x in range(-20, W + 41, 40)]
        pts_bottom = [(x, yy + h) for x, yy in reversed(pts_top)]
        path = " ".join(f"{x:.0f},{yy:.0f}" for x, yy in pts_top + pts_bottom)
        out.append(f'<polygon points="{path}" fill="{colors[i % len(colors)]}"/>')
        edge = " ".join(f"{x:.0f},{yy:.0f}" for x, yy in pts_top)
        out.append(f'<polyline points="{edge}" fill="none" stroke="#e9f5c9" stroke-width="{1.5 + (y-top)*0.004:.1f}" opacity=".6"/>')
        y += h * 0.8
        i += 1
    return "".join(out)


def stilt_house(x: float, y: float, s: float, roof: str = "#6b4226") -> str:
    return (f'<rect x="{x-60*s}" y="{y-40*s}" width="{8*s}" height="{40*s}" fill="#4a2e1c"/>'
            f'<rect x="{x+52*s}" y="{y-40*s}" width="{8*s}" height="{40*s}" fill="#4a2e1c"/>'
            f'<rect x="{x-4*s}" y="{y-40*s}" width="{8*s}" height="{40*s}" fill="#4a2e1c"/>'
            f'<rect x="{x-66*s}" y="{y-90*s}" width="{132*s}" height="{52*s}" fill="#a7794f"/>'
            f'<rect x="{x-20*s}" y="{y-78*s}" width="{22*s}" height="{22*s}" fill="#3b2516"/>'
            f'<path d="M{x-90*s},{y-86*s} L{x-40*s},{y-140*s} L{x+40*s},{y-140*s} L{x+90*s},{y-86*s}Z" fill="{roof}"/>')


def lao_cai(seed: int) -> str:
    rnd = random.Random(seed)
    d = grad("sky", "#fbd38d", "#fde9c4") + grad("mist", "#ffffff", "#ffffff")
    b = [f'<rect width="{W}" height="{H}" fill="url(#sky)"/>',
         f'<circle cx="1120" cy="210" r="70" fill="#fff3c4"/><circle cx="1120" cy="210" r="110" fill="#fff3c4" opacity=".35"/>',
         mountains(rnd, [("#a7b6c9", 430, 170), ("#7f93ad", 500, 150), ("#5d7a6a", 560, 120)]),
         f'<rect x="0" y="470" width="{W}" height="60" fill="#fff" opacity=".35" filter="url(#soft)"/>',
         terraces(rnd, 560, ["#9cc84b", "#b5d65a", "#86b43e", "#c7dd72", "#77a63a"]),
         stilt_house(260, 640, 0.8), stilt_house(420, 620, 0.65, "#5a3820"), stilt_house(1260, 660, 0.9),
         flag(1380, 520, 60)]
    for i in range(5):
        b.append(person_front(700 + i * 70, 900 + (i % 2) * 8, 0.35, ["#1f2a44", "#b3140f", "#2c5f2d"][i % 3], rnd))
    b.append(f'<rect width="{W}" height="{H}" fill="url(#shade)" opacity=".25"/>')
    return svg("".join(b), d)


def dak_nong(seed: int) -> str:
    rnd = random.Random(seed)
    d = grad("sky", "#7fb8e6", "#d9ecf7") + grad("soil", "#b5542d", "#8a3a1c")
    b = [f'<rect width="{W}" height="{H}" fill="url(#sky)"/>']
    for cx, cy, r in [(300, 160, 60), (380, 150, 70), (460, 170, 50), (1050, 120, 55), (1120, 110, 65)]:
        b.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="#fff" opacity=".85"/>')
    b.append(mountains(rnd, [("#8fb0a6", 470, 90), ("#5f8f6a", 540, 70)]))
    b.append(f'<path d="M0,560 Q{W/2},500 {W},570 L{W},{H} L0,{H}Z" fill="url(#soil)"/>')
    # rows of coffee bushes converging to the horizon
    for row in range(9):
        t = row / 8
        y = 580 + t * t * 420
        r = 10 + t * 46
        x = -r
        while x < W + r:
            b.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{r:.0f}" fill="{rnd.choice(["#2f6b3a", "#3c7f45", "#27592f"])}"/>'
                     f'<circle cx="{x - r*.3:.0f}" cy="{y - r*.35:.0f}" r="{r*.45:.0f}" fill="#4f9a57" opacity=".8"/>')
            if row > 4 and rnd.random() < 0.25:
                b.append(f'<circle cx="{x + r*.3:.0f}" cy="{y:.0f}" r="{r*.12:.0f}" fill="#c1121f"/>')
            x += r * 2.3
    for x in (180, 1320):  # pepper poles
        b.append(f'<rect x="{x}" y="430" width="16" height="260" fill="#5b3a26"/>'
                 f'<ellipse cx="{x+8}" cy="560" rx="40" ry="130" fill="#2f6b3a"/>')
    b.append(f'<rect x="640" y="470" width="220" height="90" fill="#f3ede0"/><path d="M620,472 L750,420 L880,472Z" fill="#b3140f"/>'
             + flag(900, 380, 56))
    b.append(f'<rect width="{W}" height="{H}" fill="url(#shade)" opacity=".2"/>')
    return svg("".join(b), d)


def lai_chau(seed: int) -> str:
    rnd = random.Random(seed)
    d = grad("sky", "#9cc3e4", "#e8f1f8")
    b = [f'<rect width="{W}" height="{H}" fill="url(#sky)"/>',
         mountains(rnd, [("#9fb2c8", 380, 200), ("#6f8aa6", 470, 170), ("#4e7360", 560, 140), ("#3f6a4a", 640, 90)]),
         f'<rect x="0" y="430" width="{W}" height="70" fill="#fff" opacity=".45" filter="url(#soft)"/>',
         terraces(rnd, 700, ["#d9c45a", "#c9b04a", "#e3d27a", "#b89c3c"])]
    # the village's cultural house, flag, and people gathered in front
    b.append(stilt_house(520, 720, 1.3, "#4b3020") + stilt_house(900, 700, 0.9) + stilt_house(1180, 690, 0.7, "#5a3820"))
    b.append(f'<rect x="424" y="612" width="192" height="36" fill="#b3140f" stroke="#f5c542" stroke-width="2"/>'
             f'<text x="520" y="637" text-anchor="middle" font-size="19" fill="#ffe9a8">NHÀ VĂN HÓA BẢN</text>')
    b.append(flag(700, 470, 90))
    colors = ["#1f2a44", "#b3140f", "#2c5f2d", "#3a3f8f", "#f4f4f4"]
    for i in range(9):
        b.append(person_front(560 + i * 62 + rnd.uniform(-8, 8), 930 + (i % 3) * 10, 0.5, colors[i % 5], rnd,
                              skirt=(i % 2 == 0)))
    b.append(f'<rect width="{W}" height="{H}" fill="url(#shade)" opacity=".25"/>')
    return svg("".join(b), d)


SCENES = {
    "hcm1.jpg": lambda: hall(1, "HỘI NGHỊ TRIỂN KHAI MÔ HÌNH ĐIỂM", "Công an tỉnh Hà Nam", "#2e4f8f",
                             ["#556b2f", "#4b5d2a", "#5f7a36", "#3f4f24"]),
    "cnxangdau.jpg": lambda: meeting(2),
    "IMG_6881.jpg": lambda: ceremony(3, "HỘI NGHỊ SƠ KẾT 01 NĂM", "Biểu dương, khen thưởng các tập thể tiêu biểu", 8,
                                     ["certificate", "flowers", "certificate"], ("#c8231a", "#8e0f0b")),
    "trao-giai-thi-viet-ve-bac.jpg": lambda: ceremony(4, "LỄ TRAO GIẢI CUỘC THI VIẾT", "“Những tấm gương làm theo Bác”", 7,
                                                      ["flowers", "certificate"], ("#b0161a", "#6e0c0a")),
    "trao-bang-khen.jpg": lambda: ceremony(5, "TRAO BẰNG KHEN", "Các tập thể tiêu biểu thực hiện Chỉ thị 03", 6,
                                           ["certificate"], ("#a3120d", "#5c0a07")),
    "ruong-bac-thang-lao-cai.jpg": lambda: lao_cai(6),
    "cao-nguyen-dak-nong.jpg": lambda: dak_nong(7),
    "nha-van-hoa-ban-lai-chau.jpg": lambda: lai_chau(8),
}


def main() -> None:
    from PIL import Image
    from playwright.sync_api import sync_playwright
    wanted = sys.argv[1:] or list(SCENES)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless"])
        page = browser.new_page(viewport={"width": W, "height": H})
        for name in wanted:
            page.set_content(f'<html><body style="margin:0">{SCENES[name]()}</body></html>')
            page.evaluate("document.fonts.ready")
            png = page.screenshot(clip={"x": 0, "y": 0, "width": W, "height": H})
            image = Image.open(io.BytesIO(png)).convert("RGB")
            image.save(IMAGES / name, "JPEG", quality=82, optimize=True, progressive=True)
            print(name, (IMAGES / name).stat().st_size)
        browser.close()


if __name__ == "__main__":
    main()
