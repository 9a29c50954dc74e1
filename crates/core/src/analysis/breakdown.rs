//! The official status counted by pillar, basic goal, measure and department, keeping
//! 進捗の遅れ (コロナ) apart from 進捗の遅れ so that the COVID vs other delay split shows
//! at every level.
//!
//! An indicator with two departments counts once for each, so department totals can add
//! up to more than the overall total; the overall total counts each indicator once.

use serde::Serialize;

use crate::model::{Dataset, OfficialStatus};

/// How many indicators have each official status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub on_track: usize,
    pub mostly_on_track: usize,
    pub delayed_covid: usize,
    pub delayed: usize,
}

impl StatusCounts {
    pub fn add(&mut self, s: OfficialStatus) {
        match s {
            OfficialStatus::OnTrack => self.on_track += 1,
            OfficialStatus::MostlyOnTrack => self.mostly_on_track += 1,
            OfficialStatus::DelayedCovid => self.delayed_covid += 1,
            OfficialStatus::Delayed => self.delayed += 1,
        }
    }

    pub fn get(&self, s: OfficialStatus) -> usize {
        match s {
            OfficialStatus::OnTrack => self.on_track,
            OfficialStatus::MostlyOnTrack => self.mostly_on_track,
            OfficialStatus::DelayedCovid => self.delayed_covid,
            OfficialStatus::Delayed => self.delayed,
        }
    }

    pub fn total(&self) -> usize {
        self.on_track + self.mostly_on_track + self.delayed_covid + self.delayed
    }

    /// All delays, COVID-attributed or not.
    pub fn delayed_total(&self) -> usize {
        self.delayed_covid + self.delayed
    }

    /// The share of a status in 0..=1; `None` when the group is empty.
    pub fn share(&self, s: OfficialStatus) -> Option<f64> {
        let total = self.total();
        (total > 0).then(|| self.get(s) as f64 / total as f64)
    }
}

/// Counts for one group (a goal, a department…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupCounts {
    /// The group id (goal `1-1`, measure `1-1-2`, pillar `1`, department name; empty for "not given").
    pub key: String,
    pub label_ja: String,
    pub label_en: String,
    pub counts: StatusCounts,
}

/// The official status broken down every way the Delays page needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusBreakdown {
    /// Indicators with an official status.
    pub total: usize,
    pub overall: StatusCounts,
    pub by_pillar: Vec<GroupCounts>,
    pub by_goal: Vec<GroupCounts>,
    pub by_measure: Vec<GroupCounts>,
    pub by_department: Vec<GroupCounts>,
}

fn bump(
    groups: &mut Vec<GroupCounts>,
    key: &str,
    label_ja: &str,
    label_en: &str,
    s: OfficialStatus,
) {
    if let Some(g) = groups.iter_mut().find(|g| g.key == key) {
        g.counts.add(s);
        return;
    }
    let mut counts = StatusCounts::default();
    counts.add(s);
    groups.push(GroupCounts {
        key: key.to_string(),
        label_ja: label_ja.to_string(),
        label_en: label_en.to_string(),
        counts,
    });
}

/// Counts the official status of every indicator that has one.
pub fn status_breakdown(ds: &Dataset) -> StatusBreakdown {
    let mut overall = StatusCounts::default();
    // Start every goal and pillar at zero so that empty groups still show.
    let mut by_pillar: Vec<GroupCounts> = ds
        .strategy
        .pillars
        .iter()
        .map(|p| GroupCounts {
            key: p.id.clone(),
            label_ja: p.name_ja.clone(),
            label_en: p.name_en.clone(),
            counts: StatusCounts::default(),
        })
        .collect();
    let mut by_goal: Vec<GroupCounts> = ds
        .strategy
        .goals
        .iter()
        .map(|g| GroupCounts {
            key: g.id.clone(),
            label_ja: g.title_ja.clone(),
            label_en: g.title_en.clone(),
            counts: StatusCounts::default(),
        })
        .collect();
    let mut by_measure = Vec::new();
    let mut by_department = Vec::new();
    for ind in &ds.indicators {
        let Some(s) = ind.status else { continue };
        overall.add(s);
        if let Some(g) = ds.goal(&ind.goal_id) {
            bump(&mut by_goal, &g.id, &g.title_ja, &g.title_en, s);
            if let Some(p) = ds.pillar(&g.pillar_id) {
                bump(&mut by_pillar, &p.id, &p.name_ja, &p.name_en, s);
            }
        }
        match ind.measure_id.as_deref().and_then(|m| ds.measure(m)) {
            Some((_, m)) => bump(&mut by_measure, &m.id, &m.title_ja, &m.title_en, s),
            None => bump(
                &mut by_measure,
                &format!("{}-0", ind.goal_id),
                "数値目標",
                "Numeric goal",
                s,
            ),
        }
        if ind.departments.is_empty() {
            bump(
                &mut by_department,
                "",
                "担当課の記載なし",
                "Department not given",
                s,
            );
        }
        for d in &ind.departments {
            bump(
                &mut by_department,
                d,
                d,
                ds.department_en(d).unwrap_or(d),
                s,
            );
        }
    }
    by_measure.sort_by(|a, b| a.key.cmp(&b.key));
    StatusBreakdown {
        total: overall.total(),
        overall,
        by_pillar,
        by_goal,
        by_measure,
        by_department,
    }
}
