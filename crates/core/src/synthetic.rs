//! Generated datasets: the embedded strategy's structure with `n` synthetic indicators,
//! for the 10,000-indicator benchmark (DESIGN.md §6) and for tests. Deterministic for a
//! given seed; no randomness crate needed.

use crate::model::*;

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const STATUSES: [OfficialStatus; 4] = OfficialStatus::ALL;

/// The embedded dataset's structure with `n` generated indicators spread over its measures.
pub fn generate(template: &Dataset, n: usize, seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let measures: Vec<(String, String)> = template
        .strategy
        .goals
        .iter()
        .flat_map(|g| g.measures.iter().map(move |m| (g.id.clone(), m.id.clone())))
        .collect();
    let dept = template.departments.first().map(|d| d.name_ja.clone());
    let indicators = (0..n)
        .map(|i| {
            let (goal_id, measure_id) = measures[i % measures.len()].clone();
            let direction = match i % 7 {
                0 => Direction::Decrease,
                1 => Direction::Maintain,
                _ => Direction::Increase,
            };
            let better = if direction == Direction::Decrease {
                Better::Lower
            } else {
                Better::Higher
            };
            let base = 10.0 + rng.unit() * 10_000.0;
            let mut list = vec![obs(Role::Baseline, EditionId::Fy2021Report, 2019, base)];
            for year in [2020, 2021] {
                list.push(obs_at(Role::Actual, year, base * (0.6 + rng.unit() * 0.8)));
            }
            let sign = if direction == Direction::Decrease {
                -1.0
            } else {
                1.0
            };
            let t24 = if direction == Direction::Maintain {
                base
            } else {
                base * (1.0 + sign * rng.unit() * 0.4)
            };
            list.push(obs(Role::Target, EditionId::Fy2021Report, 2024, t24));
            list.push(obs(Role::Baseline, EditionId::Revision2024, 2019, base));
            list.push(obs(
                Role::Target,
                EditionId::Revision2024,
                2027,
                t24 * (0.9 + rng.unit() * 0.3),
            ));
            Indicator {
                id: format!("synthetic-{i}"),
                goal_id,
                measure_id: Some(measure_id),
                kind: IndicatorKind::Kpi,
                name_ja: format!("合成指標{i}"),
                name_en: format!("Synthetic indicator {i}"),
                revision_name_ja: None,
                name_easy_ja: None,
                unit: Unit {
                    ja: "件".into(),
                    en: "cases".into(),
                },
                direction,
                better,
                cumulative: i % 11 == 0,
                series: Vec::new(),
                definition_ja: None,
                departments: dept.iter().cloned().collect(),
                department_raw: dept.clone(),
                status: Some(STATUSES[(rng.next_u64() % 4) as usize]),
                notes: None,
                editions: vec![EditionId::Fy2021Report, EditionId::Revision2024],
                replaces: None,
                observations: list,
                decisions: Vec::new(),
            }
        })
        .collect();
    Dataset {
        indicators,
        ..template.clone()
    }
}

fn obs(role: Role, edition: EditionId, year: i32, value: f64) -> Observation {
    Observation {
        series: None,
        role,
        edition,
        column_ja: "synthetic".into(),
        period: Period::fiscal(year),
        value: Value::Number { number: value },
        raw: format!("{value:.1}"),
        caveats: Vec::new(),
        base_of_target: false,
    }
}

fn obs_at(role: Role, year: i32, value: f64) -> Observation {
    obs(role, EditionId::Fy2021Report, year, value)
}
