-- The day a measure entered the portal. A long-term item's reporting clock (长期未更新) and the at-risk silence
-- start at the later of the meeting and this day: an item entered months after the meeting has not been silent
-- since the meeting. Rows whose day is unknown (null: none recorded, or inserted by SQL) count from the meeting,
-- as before. Not audited: it never changes.
alter table measure add column created_on date;

update measure set created_on = (select min(e.event_date) from measure_event e
                                 where e.measure_id = measure.id and e.kind = 'CREATED');
