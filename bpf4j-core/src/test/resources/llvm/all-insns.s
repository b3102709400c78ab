# Every instruction kind, in the LLVM syntax where llvm-mc can assemble it, as .byte where it cannot.
	.text
	.globl	all
all:
	w0 = 0
	r0 = -1
	w1 = -1
	r1 += 5
	w1 += w2
	r2 -= r3
	w2 -= 7
	r3 *= r4
	w3 *= 9
	r4 /= r5
	w4 /= 3
	r4 s/= r5
	w4 s/= w5
	r5 |= r6
	w5 |= 0x10
	r6 &= r7
	w6 &= 0xff
	r7 <<= 63
	w7 <<= w8
	r8 >>= 1
	w8 >>= w9
	r9 s>>= 2
	w9 s>>= w1
	r1 %= r2
	w1 %= 3
	r1 s%= r2
	w1 s%= w2
	r1 ^= r2
	w1 ^= -2
	r0 = r1
	w0 = w1
	r0 = -r0
	w0 = -w0
	r1 = (s8)r2
	r1 = (s16)r2
	r1 = (s32)r2
	w1 = (s8)w2
	w1 = (s16)w2
	r0 = be16 r0
	r0 = be32 r0
	r0 = be64 r0
	r0 = le16 r0
	r0 = le32 r0
	r0 = le64 r0
	r0 = bswap16 r0
	r0 = bswap32 r0
	r0 = bswap64 r0
	r0 = *(u64 *)(r1 + 8)
	w0 = *(u32 *)(r1 - 8)
	w0 = *(u16 *)(r1 + 32767)
	w0 = *(u8 *)(r1 - 32768)
	r0 = *(s8 *)(r1 + 1)
	r0 = *(s16 *)(r1 + 2)
	r0 = *(s32 *)(r1 + 4)
	*(u64 *)(r10 - 8) = r1
	*(u32 *)(r10 - 4) = w1
	*(u16 *)(r10 - 2) = w1
	*(u8 *)(r10 - 1) = w1
	*(u64 *)(r10 - 8) = -1
	*(u32 *)(r10 - 4) = 5
	*(u16 *)(r10 - 2) = 0x7fff
	*(u8 *)(r10 - 1) = 1
	lock *(u64 *)(r10 - 8) += r1
	lock *(u64 *)(r10 - 8) |= r1
	lock *(u64 *)(r10 - 8) &= r1
	lock *(u64 *)(r10 - 8) ^= r1
	lock *(u32 *)(r10 - 8) += w1
	lock *(u32 *)(r10 - 8) |= w1
	lock *(u32 *)(r10 - 8) &= w1
	lock *(u32 *)(r10 - 8) ^= w1
	r1 = atomic_fetch_add((u64 *)(r10 - 8), r1)
	r1 = atomic_fetch_or((u64 *)(r10 - 8), r1)
	r1 = atomic_fetch_and((u64 *)(r10 - 8), r1)
	r1 = atomic_fetch_xor((u64 *)(r10 - 8), r1)
	w1 = atomic_fetch_add((u32 *)(r10 - 8), w1)
	w1 = atomic_fetch_or((u32 *)(r10 - 8), w1)
	w1 = atomic_fetch_and((u32 *)(r10 - 8), w1)
	w1 = atomic_fetch_xor((u32 *)(r10 - 8), w1)
	r1 = xchg_64(r10 - 8, r1)
	w1 = xchg32_32(r10 - 8, w1)
	r0 = cmpxchg_64(r10 - 8, r0, r1)
	w0 = cmpxchg32_32(r10 - 8, w0, w1)
	if r1 == 0x5 goto +1
	if r1 != r2 goto +1
	if r1 > -1 goto +1
	if r1 >= r2 goto +1
	if r1 < 5 goto +1
	if r1 <= r2 goto +1
	if r1 s> 5 goto +1
	if r1 s>= r2 goto +1
	if r1 s< 5 goto +1
	if r1 s<= r2 goto +1
	if r1 & 4 goto +1
	if r1 & r2 goto -1
	if w1 == 0x5 goto +1
	if w1 != w2 goto +1
	if w1 > -1 goto +1
	if w1 >= w2 goto +1
	if w1 < 5 goto +1
	if w1 <= w2 goto +1
	if w1 s> 5 goto +1
	if w1 s>= w2 goto +1
	if w1 s< 5 goto +1
	if w1 s<= w2 goto +1
	if w1 & 4 goto +1
	if w1 & w2 goto -1
	goto +0
	goto -1
	gotol +0
	r1 = 0x1122334455667788 ll
	r2 = 0 ll
	r3 = -1 ll
	call 1
	call 0x7fffffff
	callx r2
	r0 = *(u8 *)skb[14]
	r0 = *(u16 *)skb[0]
	r0 = *(u32 *)skb[0x7fffffff]
	r0 = *(u8 *)skb[r1]
	r0 = *(u16 *)skb[r2]
	r0 = *(u32 *)skb[r3]
	# ld_pseudo with each source, a local call, kernel-function calls, a long goto far away
	.byte 0x18,0x11,0,0,3,0,0,0, 0,0,0,0,0,0,0,0
	.byte 0x18,0x21,0,0,3,0,0,0, 0,0,0,0,7,0,0,0
	.byte 0x18,0x31,0,0,0xff,0xff,0xff,0xff, 0,0,0,0,0,0,0,0
	.byte 0x18,0x41,0,0,1,0,0,0, 0,0,0,0,0,0,0,0
	.byte 0x18,0x51,0,0,3,0,0,0, 0,0,0,0,0,0,0,0
	.byte 0x18,0x61,0,0,3,0,0,0, 0,0,0,0,7,0,0,0
	.byte 0x85,0x10,0,0,0xfd,0xff,0xff,0xff
	.byte 0x85,0x10,0,0,0x01,0x00,0x00,0x00
	.byte 0x85,0x20,0,0,0x10,0,0,0
	.byte 0x85,0x20,3,0,0x10,0,0,0
	.byte 0x06,0,0,0,0xfc,0xff,0xff,0xff
	.byte 0x50,0x10,0,0,0x4,0,0,0
	exit
