#!/usr/bin/env bash
# bench/run.sh — measure factdiff's throughput and memory on generated corpora.
#
# Usage:
#   bench/run.sh                 # N = 1000 10000 50000 articles
#   bench/run.sh 1000 10000      # only these sizes
#
# For every N it generates a corpus of N articles (~7.5 KB each, Hindi, English
# and mixed news text) with cmd/fdgen into $BENCH_DIR/corpus-N-sSEED (reused
# when already complete), then times, REPEAT times each, with a warm page cache:
#   wc -m          all files            (the machine's baseline: read + decode UTF-8)
#   factdiff extract --format jsonl DIR > /dev/null
#   factdiff compare --format json  DIR > /dev/null
# and prints a table of the best wall time of each, the spread over the runs,
# throughput, ratios to wc -m and peak resident memory, the machine, and
# whether --jobs 1 and --jobs 8 give byte-identical output on 1,000 articles.
#
# Wall time and peak RSS come from /usr/bin/time -v (Debian package "time");
# without it the script falls back to bash's clock and VmHWM polled from /proc.
#
# Environment:
#   BENCH_DIR  where corpora and binaries go  (default ${TMPDIR:-/tmp}/factdiff-bench)
#   REPEAT     runs per measurement            (default 3)
#   SEED       corpus seed                     (default 1)
#   JOBS       factdiff --jobs                 (default: factdiff's default, the CPU count)
#   COMPARE_MAX_N  largest N whose compare is timed (default 10000: compare
#              grows faster than linearly and 50,000 would take hours); larger
#              N show "-" in the compare columns
#   BENCH_NO_GNU_TIME=1  use the bash + /proc fallback even if /usr/bin/time exists
#
# Targets: extract of 10,000 articles ≤ 2× wc -m, compare ≤ 3×, peak RSS < 500 MB,
# time per article flat from 1k to 50k.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/factdiff-bench}
REPEAT=${REPEAT:-3}
SEED=${SEED:-1}
JOBS=${JOBS:-}
COMPARE_MAX_N=${COMPARE_MAX_N:-10000}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 50000)
export LC_ALL=C.UTF-8 # wc -m counts characters only in a UTF-8 locale

mkdir -p "$BENCH_DIR/bin"
go build -o "$BENCH_DIR/bin/factdiff" ./cmd/factdiff
go build -o "$BENCH_DIR/bin/fdgen" ./cmd/fdgen
FACTDIFF=$BENCH_DIR/bin/factdiff
JOBFLAG=()
[ -z "$JOBS" ] || JOBFLAG=(--jobs "$JOBS")

HAVE_TIME=0
[ -x /usr/bin/time ] && [ -z "${BENCH_NO_GNU_TIME:-}" ] && HAVE_TIME=1

# The corpus depends on the generator and its source articles: a checksum of
# both marks a complete corpus, so a changed source regenerates it.
SOURCES_SUM=$(find cmd/fdgen testdata/summit testdata/dev -type f \( -name '*.go' -o -name '*.yaml' -o -name '*.txt' -o -name '*.jsonl' \) -print0 2>/dev/null |
	sort -z | xargs -0 cat | md5sum | cut -c1-12)

# corpus N: prints the folder of the N-article corpus, generating it if needed.
corpus() {
	local dir=$BENCH_DIR/corpus-$1-s$SEED
	if [ "$(cat "$dir.complete" 2>/dev/null)" != "$SOURCES_SUM" ]; then
		rm -rf "$dir" "$dir.complete"
		"$BENCH_DIR/bin/fdgen" -n "$1" -seed "$SEED" -out "$dir" >&2
		echo "$SOURCES_SUM" > "$dir.complete"
	fi
	echo "$dir"
}

# measure1 CMD: runs CMD (a bash command line) once; sets WALL and CPU (user +
# system) in seconds and RSS (KB).
measure1() {
	local out=$BENCH_DIR/time.out
	if [ $HAVE_TIME = 1 ]; then
		/usr/bin/time -v -o "$out" bash -c "$1" || true
		WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$out")
		RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out")
		CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$out")
	else
		# bash's clock, and the peak of the largest process of the command
		# (VmHWM) polled from /proc while it runs.
		local start end pid hwm=0 h p t0 t1
		t0=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
		start=$(date +%s.%N)
		bash -c "$1" &
		pid=$!
		while kill -0 "$pid" 2>/dev/null; do
			for p in $pid $(pgrep -P "$pid" 2>/dev/null || true); do
				h=$(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
				[ "${h:-0}" -gt "$hwm" ] && hwm=$h
			done
			sleep 0.05
		done
		wait "$pid" || true
		end=$(date +%s.%N)
		t1=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
		WALL=$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')
		CPU=$(awk -v a="$t0" -v b="$t1" -v hz="$(getconf CLK_TCK)" 'BEGIN {print (b - a) / hz}')
		RSS=$hwm
	fi
}

# measure NAME CMD: runs CMD REPEAT times; sets BEST, WORST (wall s), BESTCPU
# (least CPU s) and PEAK (MB).
measure() {
	BEST= WORST= PEAK=0 BESTCPU=
	local r
	for ((r = 0; r < REPEAT; r++)); do
		measure1 "$2"
		BEST=$(awk -v a="$BEST" -v b="$WALL" 'BEGIN {print (a == "" || b < a) ? b : a}')
		WORST=$(awk -v a="$WORST" -v b="$WALL" 'BEGIN {print (a == "" || b > a) ? b : a}')
		BESTCPU=$(awk -v a="$BESTCPU" -v b="$CPU" 'BEGIN {print (a == "" || b < a) ? b : a}')
		PEAK=$(awk -v a="$PEAK" -v b="$RSS" 'BEGIN {print (b / 1024 > a) ? b / 1024 : a}')
	done
	printf '  %-8s best %7.2f s  worst %7.2f s  CPU %7.2f s  peak RSS %6.0f MB  (load %s)\n' "$1" "$BEST" "$WORST" "$BESTCPU" "$PEAK" "$(cut -d' ' -f1 /proc/loadavg)" >&2
}

echo "factdiff benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GB RAM", $2/1048576}' /proc/meminfo)"
echo "go: $(go version | awk '{print $3, $4}'), factdiff $(git rev-parse --short HEAD 2>/dev/null || echo '?'), jobs ${JOBS:-default}, best of $REPEAT runs"
[ $HAVE_TIME = 1 ] || echo "note: /usr/bin/time not found (apt-get install -y time); timing with bash and /proc"
echo

ROWS=()
for n in "${SIZES[@]}"; do
	dir=$(corpus "$n")
	bytes=$(find "$dir" -type f -name '*.txt' -print0 | wc -c --files0-from=- | tail -1 | awk '{print $1}')
	mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')
	echo "N=$n: $mb MB in $dir" >&2
	find "$dir" -type f -print0 | xargs -0 cat > /dev/null # warm the page cache
	measure "wc -m" "find '$dir' -type f -name '*.txt' -print0 | wc -m --files0-from=- | tail -1 > /dev/null"
	wc_s=$BEST wc_w=$WORST
	measure extract "'$FACTDIFF' extract ${JOBFLAG[*]} --format jsonl '$dir' > /dev/null"
	ex_s=$BEST ex_w=$WORST ex_rss=$PEAK ex_cpu=$BESTCPU
	if [ "$n" -le "$COMPARE_MAX_N" ]; then
		measure compare "'$FACTDIFF' compare ${JOBFLAG[*]} --format json '$dir' > /dev/null"
		cmp_s=$BEST cmp_w=$WORST cmp_rss=$PEAK
	else
		echo "  compare  skipped: N > COMPARE_MAX_N=$COMPARE_MAX_N" >&2
		cmp_s=-1 cmp_w=-1 cmp_rss=-1
	fi
	ROWS+=("$(awk -v n="$n" -v mb="$mb" -v wc="$wc_s" -v wcw="$wc_w" -v ex="$ex_s" -v exw="$ex_w" -v cm="$cmp_s" -v cmw="$cmp_w" -v er="$ex_rss" -v cr="$cmp_rss" -v ec="$ex_cpu" 'BEGIN {
		printf "| %6d | %6.1f | %6.2f (%6.2f) | %7.2f (%7.2f) | %8.2f | %6.2f | %7.0f | %5.1f | ",
			n, mb, wc, wcw, ex, exw, ec, mb / ex, n / ex, ex / wc
		if (cm < 0) printf "%17s | %6s | %6s | %6s | %8.0f / %9s |", "-", "-", "-", "-", er, "-"
		else printf "%7.2f (%7.2f) | %6.2f | %6.0f | %6.1f | %8.0f / %9.0f |", cm, cmw, mb / cm, n / cm, cm / wc, er, cr }')")
done

echo
echo "| N      | MB     | wc -m s (worst) | extract s (worst) | ex CPU s | MB/s   | art/s   | ex/wc | compare s (worst) | MB/s   | art/s  | cmp/wc | peak RSS MB ex / cmp |"
echo "|-------:|-------:|----------------:|------------------:|---------:|-------:|--------:|------:|------------------:|-------:|-------:|-------:|---------------------:|"
for r in "${ROWS[@]}"; do echo "$r"; done
echo "Wall times are the best of $REPEAT runs (worst in brackets); ex CPU s is user + system time of the"
echo "fastest extract run; MB/s and art/s are per wall second of extract and of compare (which reads and"
echo "extracts the articles itself); ratios are to wc -m's best."
echo

# Output must not depend on the number of workers.
dir=$(corpus 1000)
check() {
	local a=$BENCH_DIR/jobs1.out b=$BENCH_DIR/jobs8.out
	"$FACTDIFF" "$@" --jobs 1 "$dir" > "$a" || true
	"$FACTDIFF" "$@" --jobs 8 "$dir" > "$b" || true
	if cmp -s "$a" "$b"; then echo "OK"; else echo "DIFF"; fi
	rm -f "$a" "$b"
}
echo "--jobs 1 vs --jobs 8 on 1,000 articles: extract jsonl $(check extract --format jsonl), compare json $(check compare --format json)"
