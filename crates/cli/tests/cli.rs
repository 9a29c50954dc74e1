//! The `machi-kpi` command end to end: summary totals, exports, validate exit codes.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_machi-kpi"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn summary_prints_the_official_totals() {
    let (code, out, _) = run(&["summary"]);
    assert_eq!(code, 0);
    assert!(out.contains("47 indicators"), "{out}");
    for line in [
        "On track               順調に進捗",
        "11   23.4%",
        "18   38.3%",
        "12   25.5%",
        "6   12.8%",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
    assert!(out.contains("1-2   1 /  1 /  4 /  0 =  6"), "{out}");
    let (code, json, _) = run(&["summary", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["breakdown"]["overall"]["delayed_covid"], 12);
    assert_eq!(v["breakdown"]["total"], 47);
    assert_eq!(v["status_shares"][2]["label_ja"], "進捗の遅れ (コロナ)");
    assert_eq!(v["status_shares"][2]["count"], 12);
    let share = v["status_shares"][2]["share"].as_f64().unwrap();
    assert!((share - 12.0 / 47.0).abs() < 1e-12);
}

#[test]
fn export_and_validate_round_trip_through_files() {
    let dir = std::env::temp_dir().join(format!("machi-kpi-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (code, csv, _) = run(&["export", "observations"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with('\u{feff}'));
    let path = dir.join("obs.csv");
    std::fs::write(&path, csv.as_bytes()).unwrap();
    let (code, out, _) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("ok: ") && out.lines().count() == 1, "{out}");

    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "indicator_id,goal_id,name_ja,series,role,edition,period_kind,year,value,unit,state,raw\nnew-job-openings,1-1,x,,actual,revision_2024,fiscal_year,2022,many,件,number,x\n").unwrap();
    let (code, _, err) = run(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("line 2, column 9, field 'value'"), "{err}");
    assert!(err.contains("2行目9列目「value」"), "{err}");

    let (code, json, _) = run(&["export", "dataset"]);
    assert_eq!(code, 0);
    let jpath = dir.join("ds.json");
    std::fs::write(&jpath, json).unwrap();
    let (code, out, _) = run(&["summary", "--data", jpath.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("47 indicators"));
    let (code, ind, _) = run(&["export", "indicators", "--format", "csv"]);
    assert_eq!(code, 0);
    let ds = machi_kpi_core::Dataset::embedded().unwrap();
    let rows: usize = ds.indicators.iter().map(|i| i.series.len().max(1)).sum();
    assert_eq!(
        ind.trim_end().split("\r\n").count(),
        1 + rows,
        "header + one row per indicator and series"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Finding 10: `machi-kpi … | head` closes the pipe early. The command must end quietly
/// with its usual status, not panic (SIGABRT in the release profile). The read end is
/// closed before the command starts, so every write fails with `BrokenPipe`.
#[test]
fn a_closed_output_pipe_ends_quietly_with_the_usual_status() {
    let dir = std::env::temp_dir().join(format!("machi-kpi-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    let (_, json, _) = run(&["export", "dataset"]);
    std::fs::write(&good, json).unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "indicator_id,goal_id,name_ja,series,role,edition,period_kind,year,value,unit,state,raw\n\
         nope,1-1,x,,actual,update,fiscal_year,2022,1,件,number,x\n",
    )
    .unwrap();
    let cases: [(&[&str], i32); 5] = [
        (&["validate", good.to_str().unwrap()], 0),
        (&["validate", bad.to_str().unwrap()], 1),
        (&["summary"], 0),
        (&["export", "observations"], 0),
        (&["export", "dataset"], 0),
    ];
    for (args, want) in cases {
        for close_stderr_too in [false, true] {
            let (reader, writer) = std::io::pipe().unwrap();
            drop(reader);
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_machi-kpi"));
            cmd.args(args);
            let out = if close_stderr_too {
                // `2>&1 | head`: stderr is the same closed pipe.
                cmd.stdout(writer.try_clone().unwrap()).stderr(writer);
                cmd.output().unwrap()
            } else {
                cmd.stdout(writer);
                cmd.output().unwrap()
            };
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(want),
                "{args:?} (stderr closed: {close_stderr_too}): {:?} {stderr}",
                out.status
            );
            assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
