-- A problem's 序号 is unique within its meeting (ProblemService also locks the meeting while numbering).
create unique index uk_problem_meeting_seq on problem (meeting_id, seq_no);
