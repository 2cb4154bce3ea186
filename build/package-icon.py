#!/usr/bin/env python3
# Draws build/package-icon.png, the packages' icon (128x128, RGBA): a clock face (a scheduled job) over three stacked layers (a CloudFormation stack).
import math, os, struct, zlib
N, S = 128, 4            # output size, supersampling
W = N * S
bg_top, bg_bottom = (27, 58, 94), (14, 32, 56)
white, amber, teal = (245, 247, 250), (242, 160, 28), (64, 196, 190)

def inside_round_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r); cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1

def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)

cx, cy, R = 0.5, 0.42, 0.27
hands = [(cx, cy, cx, cy - 0.19, 0.028), (cx, cy, cx + 0.13, cy + 0.05, 0.034)]
layers = [0.74, 0.81, 0.88]

def colour(u, v):
    if not inside_round_rect(u, v, 0.02, 0.02, 0.98, 0.98, 0.2):
        return None
    t = v
    c = tuple(int(bg_top[i] * (1 - t) + bg_bottom[i] * t) for i in range(3))
    for i, ly in enumerate(layers):  # stack layers: flat rounded bars, lighter towards the top
        if inside_round_rect(u, v, 0.22 + 0.04 * i, ly, 0.78 - 0.04 * i, ly + 0.045, 0.02):
            k = 1 - 0.18 * i
            c = tuple(int(teal[j] * k) for j in range(3))
    d = math.hypot(u - cx, v - cy)
    if d <= R:
        c = white
        for hx0, hy0, hx1, hy1, w in hands:
            if seg_dist(u, v, hx0, hy0, hx1, hy1) <= w / 2:
                c = amber
        if d <= 0.03:
            c = amber
        for k in range(12):  # hour ticks
            a = k * math.pi / 6
            r0 = R * (0.78 if k % 3 == 0 else 0.86)
            if seg_dist(u, v, cx + r0 * math.sin(a), cy - r0 * math.cos(a), cx + R * 0.93 * math.sin(a), cy - R * 0.93 * math.cos(a)) <= 0.011:
                c = bg_top
    elif d <= R + 0.035:
        c = amber
    return c

rows = []
for y in range(N):
    row = bytearray([0])
    for x in range(N):
        acc = [0, 0, 0, 0]
        for sy in range(S):
            for sx in range(S):
                c = colour((x * S + sx + 0.5) / W, (y * S + sy + 0.5) / W)
                if c is not None:
                    acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
        n = S * S
        a = acc[3] // n
        if a:
            cover = acc[3] / 255
            row += bytes([int(acc[0] / cover), int(acc[1] / cover), int(acc[2] / cover), a])
        else:
            row += bytes(4)
    rows.append(bytes(row))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "package-icon.png"), "wb").write(png)

