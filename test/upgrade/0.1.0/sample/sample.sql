-- airesilience sample data set
--
-- A small, self-contained data set for the demo (make demo) and the
-- regression tests: 15 occupations in 6 categories, 136 of their tasks, two
-- raters' exposure labels for those tasks, three external sources, BLS
-- labor statistics and one seniority curve per category.  Load it with psql
-- into a database where CREATE EXTENSION airesilience has just been run.
--
-- The occupations cover every weighting case of the task model:
--   * Medical Records Specialists (29-2072.00) has all 17 of its O*NET 29.3
--     tasks, none with a task type or ratings: equal weights;
--   * Accountants and Auditors, Administrative Services Managers and HVAC
--     Mechanics mix rated, typed tasks with unrated ones: core/supplemental
--     weights;
--   * the others are fully rated: importance x relevance weights;
--   * one paralegal task (23994) has no exposure label in either rater's set;
--   * Oral and Maxillofacial Surgeons' median wage is top-coded by BLS
--     (">=$239,200"), stored as 239200 with median_wage_topcoded.
--
-- Where each figure comes from (files as described in the project's data
-- README; the public datasets themselves are not part of this repository):
--   occupation.title, job_zone   O*NET 29.3: onet/Occupation Data.txt,
--                                onet/Job Zones.txt
--   task.task_id, task_type      O*NET 29.3: onet/Task Statements.txt
--                                (Core/Supplemental, lower-cased; NULL if empty)
--   task.importance, relevance,  O*NET 29.3 task ratings (IM, RT), pivoted by a
--   frequency                    third party: onet-task-ratings/
--                                task_level_with_freq_importance_relevance.csv
--                                (importance, relevance, freq_mean); NULL where
--                                O*NET has no ratings for the task
--   task_rating                  "GPTs are GPTs" (Eloundou et al., 2023):
--                                gpts-are-gpts/full_labelset.tsv, gpt4_exposure
--                                (rater gpt4) and human_exposure_agg (rater
--                                human), mapped E0 -> 0, E2 -> 50, E1 -> 100
--                                (the paper's beta measure); a task without a
--                                label has no row
--   source_value working_with_ai Microsoft Working with AI (Tomlinson et al.,
--                                2025): working-with-ai/
--                                soc_ai_applicability_scores.csv, by 6-digit SOC
--   source_value digital_exposure  karpathy/jobs: bls-ooh/scores.json (exposure)
--                                joined on slug to bls-ooh/occupations.csv by
--                                soc_code, or for multi-SOC profiles through the
--                                profile URL in gpts-are-gpts/
--                                nem-onet-to-soc-crosswalk.csv
--   source_value frey_osborne    Frey & Osborne: frey-osborne/
--                                frey_osborne_automation_risk_index_clean.csv
--                                (SOC 2010), carried to SOC 2018 with
--                                frey-osborne/crosswalk_soc2010_to_soc2018.csv;
--                                each sample occupation has a single SOC 2010
--                                predecessor (29-2072 inherits 0.91 from 29-2071)
--   labor_stats                  BLS Employment Projections 2024-34:
--                                bls-projections/occupation_table_1.2.csv;
--                                employment, projected employment and annual
--                                openings converted from thousands to persons
--                                (194.8 -> 194800), growth_pct and median wage
--                                as published
--
-- Rules this file follows:
--   * Every task and occupation description is written in the project's own
--     words; no sentence is copied from the datasets or the reference pages.
--     Task IDs, titles, codes, ratings, labels, probabilities and BLS figures
--     are used as published facts.
--   * Category titles and seniority curves are the project's own choices,
--     not published figures.
--   * Includes information from the O*NET 29.3 Database by the U.S.
--     Department of Labor, Employment and Training Administration (USDOL/ETA),
--     used under the CC BY 4.0 license.  O*NET(R) is a trademark of USDOL/ETA.
--     The project has modified this information (the task statements are
--     paraphrased); USDOL/ETA has not approved, endorsed or tested these
--     modifications.  The Working with AI scores are CC BY 4.0 (Microsoft;
--     arXiv 2507.07935); the GPTs-are-GPTs labels are MIT-licensed (OpenAI).
--   * Rows the extension installs (the task_model source, the seniority
--     levels) are not inserted here.

BEGIN;

INSERT INTO airesilience.category (category, title) VALUES
    ('healthcare', 'Healthcare'),
    ('technology', 'Technology'),
    ('business', 'Business and office'),
    ('trades', 'Skilled trades and construction'),
    ('education', 'Education'),
    ('legal', 'Legal');

-- Seniority curves: years of experience -> multiplier of the resilience score.
INSERT INTO airesilience.seniority_curve (category, years, multipliers, description) VALUES
    ('healthcare', '{0,3,8,15}', '{0.85,1.0,1.08,1.12}',
     'Clinical and records work: newcomers do most of the charting, coding and scheduling that AI tools take over first, while experienced staff carry clinical judgment and patient responsibility, so entry level is cut moderately and the gain flattens after about eight years.'),
    ('technology', '{0,2,5,10,20}', '{0.75,0.92,1.0,1.1,1.15}',
     'Software and systems work: routine coding, testing and support tickets, the usual work of juniors, are the most exposed tasks, so entry level is cut hardest; design, integration and ownership of systems protect senior staff.'),
    ('business', '{0,3,7,15}', '{0.78,0.95,1.05,1.12}',
     'Office and finance work: data entry, reconciliation and routine correspondence dominate entry-level jobs and are highly automatable, while judgment, client relationships and accountability shelter experienced staff.'),
    ('trades', '{0,4,10,20}', '{0.93,1.0,1.04,1.06}',
     'Hands-on trades: physical on-site work is little exposed at any level, so the curve is mild; beginners lose slightly more because paperwork and estimating are part of their load, and masters gain a little from licensing and supervision.'),
    ('education', '{0,3,10,20}', '{0.9,1.0,1.05,1.08}',
     'Teaching: lesson materials and grading can be drafted by AI, which affects new teachers most, but classroom management and relationships with pupils and parents grow with experience, so the curve is moderate.'),
    ('legal', '{0,2,6,15}', '{0.75,0.93,1.04,1.12}',
     'Legal support: document review, drafting and research, the bulk of junior work, are among the most exposed tasks, so entry level is cut hard; case strategy, client trust and court experience protect seniors.');

-- Occupations: O*NET-SOC code, O*NET title, category, own one-line description, O*NET Job Zone.
INSERT INTO airesilience.occupation (onet_code, title, category, description, job_zone) VALUES
    ('29-2072.00', 'Medical Records Specialists', 'healthcare', 'Code, organize and safeguard patients'' health records, and process the information in them for billing, research and reporting.', 3),
    ('29-2061.00', 'Licensed Practical and Licensed Vocational Nurses', 'healthcare', 'Give basic nursing care, working under registered nurses and physicians: watching patients, giving medication and keeping care records.', 3),
    ('31-9092.00', 'Medical Assistants', 'healthcare', 'Support physicians in clinics and offices with clinical chores, such as taking vital signs and preparing patients, as well as front-office paperwork.', 3),
    ('29-1022.00', 'Oral and Maxillofacial Surgeons', 'healthcare', 'Operate on the mouth, jaws and face to treat injuries, disease and defects, from difficult tooth extractions to reconstructive surgery.', 5),
    ('15-1211.00', 'Computer Systems Analysts', 'technology', 'Study an organization''s computer systems and work processes and design information-system solutions that help it run better.', 3),
    ('15-1251.00', 'Computer Programmers', 'technology', 'Write, test and fix the code that turns software designs into working programs.', 4),
    ('11-3012.00', 'Administrative Services Managers', 'business', 'Plan and run an organization''s support services, such as records, supplies, facilities and office staff.', 3),
    ('13-2011.00', 'Accountants and Auditors', 'business', 'Prepare, examine and audit financial records, and advise organizations on their finances, internal controls and taxes.', 4),
    ('43-3031.00', 'Bookkeeping, Accounting, and Auditing Clerks', 'business', 'Record financial transactions, keep ledgers up to date and check the books for accuracy.', 3),
    ('43-4051.00', 'Customer Service Representatives', 'business', 'Answer customers'' questions, take orders and settle complaints by phone, online or in person.', 2),
    ('47-2061.00', 'Construction Laborers', 'trades', 'Do the physical work on building sites: preparing the site, digging, moving materials and helping the skilled crafts.', 2),
    ('47-2111.00', 'Electricians', 'trades', 'Install, maintain and repair the electrical wiring, power and lighting systems of buildings so that they meet code.', 3),
    ('49-9021.00', 'Heating, Air Conditioning, and Refrigeration Mechanics and Installers', 'trades', 'Install, service and repair heating, ventilation, air-conditioning and refrigeration equipment.', 3),
    ('25-2021.00', 'Elementary School Teachers, Except Special Education', 'education', 'Teach young pupils reading, writing, mathematics and other core subjects, and look after their development in the classroom.', 4),
    ('23-2011.00', 'Paralegals and Legal Assistants', 'legal', 'Help lawyers by researching cases, drafting documents and keeping case files in order.', 3);

INSERT INTO airesilience.rater (rater, kind, description) VALUES
    ('gpt4', 'model', 'GPT-4 exposure labels (main rubric) from "GPTs are GPTs" (Eloundou et al., 2023), mapped E0 = 0, E2 = 50, E1 = 100'),
    ('human', 'human', 'Aggregated human annotator exposure labels from "GPTs are GPTs" (Eloundou et al., 2023), mapped E0 = 0, E2 = 50, E1 = 100');

-- Medical Records Specialists (29-2072.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('29-2072.00', 22877, NULL, NULL, NULL, NULL, 'Place each patient case in its diagnosis-related group (DRG) with the help of grouping software.'),
    ('29-2072.00', 22878, NULL, NULL, NULL, NULL, 'Assemble and keep up patient charts that document conditions and treatments, so the data can also serve research, cost control and quality improvement.'),
    ('29-2072.00', 22879, NULL, NULL, NULL, NULL, 'Look up disease processes in the coding and classification manuals.'),
    ('29-2072.00', 22880, NULL, NULL, NULL, NULL, 'Key patient details such as demographics, disease history and extent, diagnostic procedures and treatments into the computer system.'),
    ('29-2072.00', 22881, NULL, NULL, NULL, NULL, 'Abstract patient information and assign codes to it under the standard classification systems.'),
    ('29-2072.00', 22882, NULL, NULL, NULL, NULL, 'Run and look after health-record indexes and filing or retrieval systems that gather, sort, store and analyze information.'),
    ('29-2072.00', 22883, NULL, NULL, NULL, NULL, 'Record the insurance billing charges for medical services.'),
    ('29-2072.00', 22884, NULL, NULL, NULL, NULL, 'Fill in and handle business and government paperwork.'),
    ('29-2072.00', 22885, NULL, NULL, NULL, NULL, 'Handle the paperwork for patient admissions and discharges.'),
    ('29-2072.00', 22886, NULL, NULL, NULL, NULL, 'Keep medical records secure so that patient confidentiality holds.'),
    ('29-2072.00', 22887, NULL, NULL, NULL, NULL, 'Disclose record information to people or agencies only as the regulations allow.'),
    ('29-2072.00', 22888, NULL, NULL, NULL, NULL, 'Clear up codes or diagnoses where information conflicts, is missing or is unclear, by checking with physicians or other staff or by bringing them to the coding team''s meetings.'),
    ('29-2072.00', 22889, NULL, NULL, NULL, NULL, 'Pull patient records for doctors, technicians and other clinical staff.'),
    ('29-2072.00', 22890, NULL, NULL, NULL, NULL, 'Check records to make sure they are complete, correct and in line with the rules.'),
    ('29-2072.00', 22891, NULL, NULL, NULL, NULL, 'Digitize paper health records by scanning them.'),
    ('29-2072.00', 22892, NULL, NULL, NULL, NULL, 'Book patients'' medical appointments.'),
    ('29-2072.00', 22893, NULL, NULL, NULL, NULL, 'Type up medical reports from dictation.');

-- Licensed Practical and Licensed Vocational Nurses (29-2061.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('29-2061.00', 507, 'core', 4.66, 97.73, 2.4960400000000003, 'Watch for changes in patients'' condition, for instance a bad reaction to a drug or treatment, chart and report them, and respond when needed.'),
    ('29-2061.00', 508, 'core', 4.48, 91.93, 2.9445696153846153, 'Give prescribed drugs or start intravenous lines, noting time and dose on the chart.'),
    ('29-2061.00', 509, 'core', 4.43, 99.62, 3.1536307692307695, 'Respond to patient call lights and work out what help is needed.'),
    ('29-2061.00', 510, 'core', 4.55, 100.0, 2.6215738461538463, 'Take and write down patients'' vital signs, for example temperature, pulse, blood pressure, breathing rate, height and weight.'),
    ('29-2061.00', 511, 'core', 4.46, 98.41, 2.3456661538461536, 'Deliver basic bedside care and treatments, such as dressing wounds, caring for pressure sores or inserting catheters.'),
    ('29-2061.00', 513, 'core', 4.4, 90.08, 4.1047938461538465, 'Oversee nursing aides and assistants.'),
    ('29-2061.00', 525, 'supplemental', 4.36, 53.89, 1.5481192307692306, 'Disinfect instruments and supplies with germicides or an autoclave.'),
    ('29-2061.00', 528, 'supplemental', 4.18, 55.78, 2.0399384615384615, 'Book appointments, keep records and do other office work in physicians'' offices or clinics.');

-- Medical Assistants (31-9092.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('31-9092.00', 2024, 'core', 4.76, 100.0, 5.1498846153846145, 'Ask patients about their health and measure height, weight and vital signs.'),
    ('31-9092.00', 2026, 'core', 4.73, 98.58, 5.392624615384615, 'Enter patients'' histories, vital signs and test results into their charts.'),
    ('31-9092.00', 2028, 'core', 4.67, 69.99, 1.8188530769230769, 'Draw blood or take other specimens, log them and get them ready for the lab.'),
    ('31-9092.00', 2029, 'core', 4.73, 93.87, 5.180989230769231, 'Walk patients through their treatments, medicines, diets and the doctor''s instructions.'),
    ('31-9092.00', 2032, 'core', 4.68, 99.98, 5.8146369230769235, 'Get exam rooms ready for patients and keep them tidy.'),
    ('31-9092.00', 2033, 'core', 4.76, 98.59, 2.733736153846154, 'Sterilize instruments and get rid of contaminated supplies safely.'),
    ('31-9092.00', 2034, 'core', 4.21, 96.1, 3.8265980769230774, 'Arrange appointment times for patients.'),
    ('31-9092.00', 2038, 'core', 4.54, 99.87, 4.872316923076923, 'Handle front-office work such as phone calls, dictation and insurance paperwork.'),
    ('31-9092.00', 2042, 'supplemental', 3.56, 53.46, 3.2600853846153846, 'Do the practice''s bookkeeping, including credit, collections and the monthly statements sent to patients.');

-- Oral and Maxillofacial Surgeons (29-1022.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('29-1022.00', 9370, 'core', 4.76, 100.0, 5.4286, 'Give patients general or local anesthesia.'),
    ('29-1022.00', 9371, 'core', 4.59, 100.0, 4.930415384615385, 'Extract teeth that are impacted, broken or beyond repair.'),
    ('29-1022.00', 9372, 'core', 4.63, 100.0, 4.654609615384615, 'Assess where wisdom teeth sit to judge whether they cause, or are likely to cause, trouble.'),
    ('29-1022.00', 9373, 'core', 4.66, 100.0, 2.2318853846153845, 'Plan treatment jointly with other specialists, for example orthodontists or dentists who restore teeth.'),
    ('29-1022.00', 9374, 'core', 4.61, 94.25, 1.6869388461538461, 'Operate to ready the mouth for implants and to help rebuild lost bone and gum tissue.'),
    ('29-1022.00', 9376, 'core', 4.58, 100.0, 1.3671261538461539, 'Deal with infections of the mouth, jaws, salivary glands and neck.'),
    ('29-1022.00', 20244, 'supplemental', 2.86, 61.57, 0.07537692307692308, 'Carry out small cosmetic operations, such as enhancing the chin or cheekbones.'),
    ('29-1022.00', 20245, 'supplemental', 2.78, 42.98, 0.1409461538461539, 'Do minor facial rejuvenation treatments, for example with Botox or lasers.');

-- Computer Systems Analysts (15-1211.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('15-1211.00', 3464, 'core', 4.05, 96.19, 2.460781153846154, 'Help staff and users solve problems with their computers and software.'),
    ('15-1211.00', 3465, 'core', 4.0, 90.01, 1.5356507692307693, 'Test, look after and monitor programs and systems, and coordinate their installation.'),
    ('15-1211.00', 3468, 'core', 3.78, 76.52, 0.8500288461538461, 'Connect an organization''s computer systems so that they work together and can share data.'),
    ('15-1211.00', 3471, 'supplemental', 3.44, 57.73, 0.3380234615384615, 'Find out what information a job handles and how, by interviewing or surveying workers, watching them, or doing the job oneself.'),
    ('15-1211.00', 3474, 'core', 3.6, 78.19, 1.5352473076923077, 'Work out an organization''s data-processing needs and design systems to meet them, using methods like data modeling and structured analysis.'),
    ('15-1211.00', 3478, 'supplemental', 3.6, 65.95, 1.6076411538461537, 'Study program output and performance figures to find faulty code, and fix it.'),
    ('15-1211.00', 3482, 'core', 3.97, 90.87, 1.2981453846153848, 'Apply computing to business problems, for example by building integrated production, inventory-control or costing systems.'),
    ('15-1211.00', 20950, 'core', 4.24, 98.82, 1.8162092307692306, 'Track down and fix faults in programs and systems so they work normally again.');

-- Computer Programmers (15-1251.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('15-1251.00', 1267, 'core', 4.38, 93.87, 2.4762207692307694, 'Fix bugs and re-run the program to confirm that it now gives the intended results.'),
    ('15-1251.00', 1268, 'core', 3.96, 96.41, 1.9702403846153849, 'Test-run programs and applications to check that their logic and output are right.'),
    ('15-1251.00', 1270, 'core', 4.15, 88.75, 2.6051253846153846, 'Build and maintain programs for particular jobs, such as inventory tracking, data storage and retrieval, or equipment control.'),
    ('15-1251.00', 1271, 'core', 4.04, 99.29, 1.3404161538461539, 'Talk with managers, engineers and technical staff to pin down what a program should do, spot problems and propose changes.'),
    ('15-1251.00', 1272, 'core', 4.37, 100.0, 2.213111923076923, 'Revise, repair or extend existing programs, or direct that work, to make them faster or fit new requirements.'),
    ('15-1251.00', 1273, 'core', 4.42, 93.78, 3.1498999999999997, 'Write, study, review and rework programs, drawing on flow charts, subject knowledge, logic and what the machine can do.'),
    ('15-1251.00', 1281, 'supplemental', 3.53, 57.54, 0.41414192307692305, 'Teach junior staff how to program and write code.'),
    ('15-1251.00', 21049, 'supplemental', 3.24, 50.27, 1.3009042307692305, 'Build websites.');

-- Administrative Services Managers (11-3012.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('11-3012.00', 20, 'core', 3.7, 92.79, 0.519556923076923, 'Decide the department''s targets and due dates.'),
    ('11-3012.00', 21, 'core', 3.71, 77.98, 0.6065869230769232, 'Draw up and check schedules and operating reports for accuracy and efficiency.'),
    ('11-3012.00', 23, 'core', 3.38, 71.93, 0.5420376923076923, 'Buy, hand out and store supplies.'),
    ('11-3012.00', 24, 'supplemental', 4.06, 66.15, 0.9914338461538462, 'Plan and control the money spent on supplies, equipment and contracts.'),
    ('11-3012.00', 26, 'supplemental', 3.95, 56.26, 0.22006076923076923, 'Recruit and dismiss clerical and administrative staff.'),
    ('11-3012.00', 21262, NULL, NULL, NULL, NULL, 'Work with outside suppliers and service firms, steering them so that the department''s needs are met.'),
    ('11-3012.00', 21266, NULL, NULL, NULL, NULL, 'Run the paper or electronic files: record information, update paperwork and keep documents like letters and attendance records.'),
    ('11-3012.00', 21267, NULL, NULL, NULL, NULL, 'Work with other department heads on organizational goals and strategy, and on decisions about staff, resources, space and equipment.'),
    ('11-3012.00', 21271, NULL, NULL, NULL, NULL, 'Supervise administrative employees, and train and onboard new ones.');

-- Accountants and Auditors (13-2011.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('13-2011.00', 21505, 'core', 4.58, 95.0, 0.18653884615384614, 'Write up audit findings in detailed reports.'),
    ('13-2011.00', 21506, 'core', 4.55, 95.24, 0.07972115384615386, 'Brief management on how assets are used and what audits found, and propose changes to operations and finances.'),
    ('13-2011.00', 21507, 'core', 4.5, 100.0, 0.29423076923076924, 'Gather and study data to uncover weak controls, waste, duplicated work, fraud, or breaches of law and policy.'),
    ('13-2011.00', 21514, 'core', 4.24, 96.39, 0.30535192307692305, 'Prepare or scrutinize accounts and financial statements for accuracy, completeness and conformity with reporting standards.'),
    ('13-2011.00', 21516, 'core', 4.23, 93.91, 0.3150746153846154, 'Go through accounts to find discrepancies and reconcile them.'),
    ('13-2011.00', 21526, 'supplemental', 4.14, 53.33, 0.022097307692307694, 'Calculate the tax due and prepare returns that meet the filing and payment rules.'),
    ('13-2011.00', 21527, 'supplemental', 4.11, 28.77, 0.02434692307692308, 'Counsel clients on subjects like pay, employee health benefits, how to design accounting systems, and long-term tax or estate planning.'),
    ('13-2011.00', 21531, NULL, NULL, NULL, NULL, 'Build and track budgets, reporting regularly on planned against actual spending.'),
    ('13-2011.00', 21532, NULL, NULL, NULL, NULL, 'Draw up or check annual reports and financial statements with standard accounting and statistical methods, to judge financial health and support planning.'),
    ('13-2011.00', 21533, NULL, NULL, NULL, NULL, 'Handle supplier invoices so they get paid.');

-- Bookkeeping, Accounting, and Auditing Clerks (43-3031.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('43-3031.00', 2486, 'core', 4.68, 95.14, 2.7509684615384615, 'Check entries, postings and supporting documents for correct codes and arithmetic.'),
    ('43-3031.00', 2487, 'core', 4.76, 96.03, 4.6518253846153845, 'Keep and analyze financial records in accounting software.'),
    ('43-3031.00', 2488, 'core', 4.57, 80.15, 2.578496538461539, 'Abide by company policy and by federal and state rules.'),
    ('43-3031.00', 2495, 'core', 4.47, 94.52, 4.77814923076923, 'Use adding machines, typewriters and copiers to do sums and produce documents.'),
    ('43-3031.00', 2496, 'core', 4.29, 81.32, 1.04291, 'Reconcile records, flagging and reporting any mismatches found.'),
    ('43-3031.00', 2499, 'supplemental', 4.61, 62.64, 1.1345488461538462, 'Put together bank deposits: gather the cashiers'' figures, balance the receipts and send the payments to the bank.'),
    ('43-3031.00', 2500, 'core', 4.46, 74.05, 1.4853734615384617, 'Take in payments in cash, check or voucher form, log them and bank them.'),
    ('43-3031.00', 2503, 'supplemental', 4.38, 53.68, 0.6629542307692308, 'Match the books against the bank''s record of transactions.'),
    ('43-3031.00', 18561, 'supplemental', 4.71, 45.65, 0.4384815384615384, 'Work out and run the payroll.');

-- Customer Service Representatives (43-4051.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('43-4051.00', 2578, 'core', 4.53, 82.21, 4.561504615384615, 'Log each customer contact or transaction, with the question or complaint raised and what was done about it.'),
    ('43-4051.00', 2579, 'supplemental', 4.19, 63.89, 2.2703615384615388, 'Settle service and billing complaints, for instance by swapping goods, issuing refunds or correcting bills.'),
    ('43-4051.00', 2580, 'core', 4.39, 83.76, 3.171723846153846, 'Follow up to confirm that the fix for a customer''s problem was actually made.'),
    ('43-4051.00', 2581, 'core', 4.22, 82.44, 3.5174499999999997, 'Get back to customers with answers, claim outcomes or planned adjustments.'),
    ('43-4051.00', 2583, 'core', 4.18, 67.27, 2.917363846153846, 'Work out what requested services cost, take deposits or other payments, or set up billing.'),
    ('43-4051.00', 2584, 'core', 4.1, 70.98, 3.8805215384615384, 'Fill in contracts, address changes and service cancellations on the computer.'),
    ('43-4051.00', 2586, 'supplemental', 3.87, 48.54, 2.7696726923076924, 'Try to sell customers new or extra products and services.'),
    ('43-4051.00', 18565, 'core', 4.67, 94.3, 4.951142307692308, 'Talk with customers on the phone or face to face to answer product and service questions, take orders, close accounts or write down complaints.');

-- Construction Laborers (47-2061.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('47-2061.00', 11456, 'core', 3.9, 86.61, 1.5116326923076921, 'Work out what needs doing from the plans, specifications or instructions.'),
    ('47-2061.00', 11458, 'core', 4.21, 71.91, 1.9409246153846154, 'Give signals to equipment operators to guide the positioning and movement of machines and loads.'),
    ('47-2061.00', 11459, 'core', 3.86, 70.37, 2.21066, 'Dig trenches, backfill holes, and tamp and level soil to grade with hand and pneumatic tools.'),
    ('47-2061.00', 11460, 'supplemental', 4.03, 44.01, 1.4519003846153846, 'Set, line up, join and seal structural parts such as pipes or precast wall sections.'),
    ('47-2061.00', 11461, 'core', 3.88, 71.11, 1.5367019230769232, 'Measure and mark out where construction work is to be done.'),
    ('47-2061.00', 11463, 'supplemental', 3.87, 61.07, 0.3787192307692308, 'Put up and take down scaffolding, shoring, barriers, ramps and other temporary structures.'),
    ('47-2061.00', 11465, 'core', 4.22, 81.6, 1.8187642307692307, 'Oil, clean and fix machinery, equipment and tools.'),
    ('47-2061.00', 11472, 'core', 4.34, 80.73, 3.0471388461538464, 'Run the generators, compressors or pumps that power tools and machines, or that heat and move materials like asphalt.');

-- Electricians (47-2111.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('47-2111.00', 2873, 'core', 4.45, 100.0, 3.1953134615384613, 'Assemble, fit, test and look after electrical and electronic wiring, equipment and fixtures with hand or power tools.'),
    ('47-2111.00', 2878, 'core', 4.11, 100.0, 1.8645153846153848, 'Check circuits and electrical systems for continuity, compatibility and safety with meters and oscilloscopes.'),
    ('47-2111.00', 2880, 'core', 4.21, 99.88, 1.7064046153846153, 'Lay out electrical installations to match the job''s specifications and the local code.'),
    ('47-2111.00', 2882, 'core', 4.63, 100.0, 3.261119615384615, 'Sketch layouts or read blueprints to place wiring and equipment so that the work meets safety and building codes.'),
    ('47-2111.00', 2885, 'core', 3.7, 88.5, 1.2364407692307693, 'Handle the business side of the work, such as record keeping, reports and ordering materials.'),
    ('47-2111.00', 2887, 'core', 4.55, 100.0, 3.941337692307692, 'Install, service or fix wiring, equipment and fixtures while working from ladders, scaffolding or roofs.'),
    ('47-2111.00', 2888, 'core', 4.62, 100.0, 3.015036153846154, 'Run conduit or tubing inside walls and other hidden spaces, then pull insulated cable through it to connect the boxes of a circuit.'),
    ('47-2111.00', 2893, 'supplemental', 3.84, 55.75, 0.05995923076923077, 'Help out in emergencies by running floodlights or generators, setting flares or driving vehicles.');

-- Heating, Air Conditioning, and Refrigeration Mechanics and Installers (49-9021.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('49-9021.00', 23552, 'core', 4.61, 87.72, 1.8897046153846153, 'Use electrical testers to check circuits and parts for continuity.'),
    ('49-9021.00', 23553, 'core', 4.23, 86.22, 1.85799, 'Fix or swap out faulty equipment, parts or wiring.'),
    ('49-9021.00', 23554, 'core', 4.41, 89.79, 1.8449323076923079, 'Talk with users about heating or cooling faults to narrow down the problem or confirm that a repair worked.'),
    ('49-9021.00', 23558, 'core', 4.44, 93.6, 0.9479865384615385, 'Read blueprints, specifications and manufacturer guidance to understand how heating or cooling components fit together and are to be installed.'),
    ('49-9021.00', 23563, 'core', 3.86, 85.72, 1.385748846153846, 'Note time, materials, faults and anything unusual on work orders.'),
    ('49-9021.00', 23573, 'supplemental', 3.33, 61.62, 0.036890000000000006, 'Fit or repair air-cleaning systems such as special filters or ultraviolet units.'),
    ('49-9021.00', 23575, 'core', 3.71, 91.02, 1.169576923076923, 'Arrange jobs with customers and raise work orders and stock requisitions.'),
    ('49-9021.00', 23581, NULL, NULL, NULL, NULL, 'Check piping, lines, parts and joints for leaks.');

-- Elementary School Teachers, Except Special Education (25-2021.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('25-2021.00', 6535, 'core', 4.79, 100.0, 5.47852, 'Set and uphold classroom rules and routines to keep order.'),
    ('25-2021.00', 6536, 'core', 4.52, 100.0, 4.463927692307692, 'Watch and assess pupils'' progress, conduct, social growth and health.'),
    ('25-2021.00', 6538, 'core', 4.67, 100.0, 4.036533076923077, 'Tailor teaching approaches and materials to pupils'' different needs and interests.'),
    ('25-2021.00', 6539, 'core', 4.63, 100.0, 3.8943523076923077, 'Plan and run a balanced mix of teaching, demonstration and hands-on time that lets pupils observe, ask and explore.'),
    ('25-2021.00', 6540, 'core', 4.95, 100.0, 6.434200000000001, 'Teach pupils one-on-one and in groups through explanation, discussion and demonstration.'),
    ('25-2021.00', 6542, 'core', 4.34, 97.31, 2.6452176923076927, 'Set and mark classwork and homework.'),
    ('25-2021.00', 6547, 'core', 4.29, 99.29, 1.4567646153846154, 'Keep complete and correct pupil records as the law and district policy require.'),
    ('25-2021.00', 6549, 'core', 4.75, 94.89, 3.6480676923076927, 'Support and advise pupils who struggle to settle in or to learn, or who have particular academic interests.'),
    ('25-2021.00', 6571, 'supplemental', 4.17, 57.54, 1.0700103846153846, 'Give pupils with disabilities assistive devices and technology, and help them use the school''s facilities.'),
    ('25-2021.00', 6572, 'supplemental', 3.08, 46.7, 0.1732807692307692, 'Run after-school clubs, student groups or academic competitions.');

-- Paralegals and Legal Assistants (23-2011.00)
INSERT INTO airesilience.task (onet_code, task_id, task_type, importance, relevance, frequency, description) VALUES
    ('23-2011.00', 1636, 'core', 3.89, 84.65, 1.5829603846153846, 'Collect and study legal sources such as statutes, court decisions, articles and codes.'),
    ('23-2011.00', 1638, 'supplemental', 2.99, 47.49, 0.023378846153846153, 'Summon witnesses to give evidence at hearings.'),
    ('23-2011.00', 18491, 'core', 4.38, 95.74, 2.942923076923077, 'Draft affidavits, legal letters and similar papers, and keep case files organized on paper or electronically.'),
    ('23-2011.00', 18492, 'core', 3.97, 82.12, 1.0589596153846155, 'Get ready for trial, for example by putting the exhibits in order.'),
    ('23-2011.00', 18493, 'core', 3.93, 77.11, 1.3241415384615385, 'Discuss the details of a case with clients and with other professionals.'),
    ('23-2011.00', 18494, 'supplemental', 3.89, 61.02, 1.2552596153846154, 'Submit pleadings to the clerk of court.'),
    ('23-2011.00', 21062, 'core', 4.06, 71.63, 1.253133076923077, 'Research a case''s facts and the law that applies in public records, online and elsewhere, to identify claims and get the case ready.'),
    ('23-2011.00', 23994, 'core', 4.32, 88.54, 2.731781923076923, 'Draft, edit or check legal texts, for example briefs, pleadings, appeals, contracts, wills, bills, and closing statements for property sales.');

-- Task exposure labels, one row per (task, rater).
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure) VALUES
    ('29-2072.00', 22877, 'gpt4', 100),
    ('29-2072.00', 22877, 'human', 100),
    ('29-2072.00', 22878, 'gpt4', 50),
    ('29-2072.00', 22878, 'human', 50),
    ('29-2072.00', 22879, 'gpt4', 50),
    ('29-2072.00', 22879, 'human', 50),
    ('29-2072.00', 22880, 'gpt4', 100),
    ('29-2072.00', 22880, 'human', 50),
    ('29-2072.00', 22881, 'gpt4', 50),
    ('29-2072.00', 22881, 'human', 0),
    ('29-2072.00', 22882, 'gpt4', 50),
    ('29-2072.00', 22882, 'human', 50),
    ('29-2072.00', 22883, 'gpt4', 50),
    ('29-2072.00', 22883, 'human', 50),
    ('29-2072.00', 22884, 'gpt4', 100),
    ('29-2072.00', 22884, 'human', 50),
    ('29-2072.00', 22885, 'gpt4', 50),
    ('29-2072.00', 22885, 'human', 50),
    ('29-2072.00', 22886, 'gpt4', 50),
    ('29-2072.00', 22886, 'human', 50),
    ('29-2072.00', 22887, 'gpt4', 50),
    ('29-2072.00', 22887, 'human', 100),
    ('29-2072.00', 22888, 'gpt4', 50),
    ('29-2072.00', 22888, 'human', 0),
    ('29-2072.00', 22889, 'gpt4', 50),
    ('29-2072.00', 22889, 'human', 100),
    ('29-2072.00', 22890, 'gpt4', 50),
    ('29-2072.00', 22890, 'human', 50),
    ('29-2072.00', 22891, 'gpt4', 50),
    ('29-2072.00', 22891, 'human', 50),
    ('29-2072.00', 22892, 'gpt4', 50),
    ('29-2072.00', 22892, 'human', 50),
    ('29-2072.00', 22893, 'gpt4', 100),
    ('29-2072.00', 22893, 'human', 100),
    ('29-2061.00', 507, 'gpt4', 50),
    ('29-2061.00', 507, 'human', 50),
    ('29-2061.00', 508, 'gpt4', 0),
    ('29-2061.00', 508, 'human', 50),
    ('29-2061.00', 509, 'gpt4', 50),
    ('29-2061.00', 509, 'human', 0),
    ('29-2061.00', 510, 'gpt4', 50),
    ('29-2061.00', 510, 'human', 50),
    ('29-2061.00', 511, 'gpt4', 0),
    ('29-2061.00', 511, 'human', 0),
    ('29-2061.00', 513, 'gpt4', 0),
    ('29-2061.00', 513, 'human', 0),
    ('29-2061.00', 525, 'gpt4', 0),
    ('29-2061.00', 525, 'human', 0),
    ('29-2061.00', 528, 'gpt4', 100),
    ('29-2061.00', 528, 'human', 50),
    ('31-9092.00', 2024, 'gpt4', 50),
    ('31-9092.00', 2024, 'human', 0),
    ('31-9092.00', 2026, 'gpt4', 100),
    ('31-9092.00', 2026, 'human', 50),
    ('31-9092.00', 2028, 'gpt4', 0),
    ('31-9092.00', 2028, 'human', 0),
    ('31-9092.00', 2029, 'gpt4', 50),
    ('31-9092.00', 2029, 'human', 0),
    ('31-9092.00', 2032, 'gpt4', 0),
    ('31-9092.00', 2032, 'human', 0),
    ('31-9092.00', 2033, 'gpt4', 0),
    ('31-9092.00', 2033, 'human', 0),
    ('31-9092.00', 2034, 'gpt4', 50),
    ('31-9092.00', 2034, 'human', 50),
    ('31-9092.00', 2038, 'gpt4', 100),
    ('31-9092.00', 2038, 'human', 100),
    ('31-9092.00', 2042, 'gpt4', 100),
    ('31-9092.00', 2042, 'human', 50),
    ('29-1022.00', 9370, 'gpt4', 0),
    ('29-1022.00', 9370, 'human', 0),
    ('29-1022.00', 9371, 'gpt4', 0),
    ('29-1022.00', 9371, 'human', 0),
    ('29-1022.00', 9372, 'gpt4', 50),
    ('29-1022.00', 9372, 'human', 50),
    ('29-1022.00', 9373, 'gpt4', 0),
    ('29-1022.00', 9373, 'human', 50),
    ('29-1022.00', 9374, 'gpt4', 0),
    ('29-1022.00', 9374, 'human', 0),
    ('29-1022.00', 9376, 'gpt4', 0),
    ('29-1022.00', 9376, 'human', 0),
    ('29-1022.00', 20244, 'gpt4', 0),
    ('29-1022.00', 20244, 'human', 0),
    ('29-1022.00', 20245, 'gpt4', 0),
    ('29-1022.00', 20245, 'human', 0),
    ('15-1211.00', 3464, 'gpt4', 50),
    ('15-1211.00', 3464, 'human', 100),
    ('15-1211.00', 3465, 'gpt4', 100),
    ('15-1211.00', 3465, 'human', 0),
    ('15-1211.00', 3468, 'gpt4', 50),
    ('15-1211.00', 3468, 'human', 50),
    ('15-1211.00', 3471, 'gpt4', 0),
    ('15-1211.00', 3471, 'human', 0),
    ('15-1211.00', 3474, 'gpt4', 100),
    ('15-1211.00', 3474, 'human', 50),
    ('15-1211.00', 3478, 'gpt4', 100),
    ('15-1211.00', 3478, 'human', 50),
    ('15-1211.00', 3482, 'gpt4', 100),
    ('15-1211.00', 3482, 'human', 50),
    ('15-1211.00', 20950, 'gpt4', 100),
    ('15-1211.00', 20950, 'human', 50),
    ('15-1251.00', 1267, 'gpt4', 100),
    ('15-1251.00', 1267, 'human', 100),
    ('15-1251.00', 1268, 'gpt4', 100),
    ('15-1251.00', 1268, 'human', 100),
    ('15-1251.00', 1270, 'gpt4', 100),
    ('15-1251.00', 1270, 'human', 100),
    ('15-1251.00', 1271, 'gpt4', 100),
    ('15-1251.00', 1271, 'human', 0),
    ('15-1251.00', 1272, 'gpt4', 100),
    ('15-1251.00', 1272, 'human', 50),
    ('15-1251.00', 1273, 'gpt4', 100),
    ('15-1251.00', 1273, 'human', 100),
    ('15-1251.00', 1281, 'gpt4', 100),
    ('15-1251.00', 1281, 'human', 100),
    ('15-1251.00', 21049, 'gpt4', 100),
    ('15-1251.00', 21049, 'human', 100),
    ('11-3012.00', 20, 'gpt4', 50),
    ('11-3012.00', 20, 'human', 100),
    ('11-3012.00', 21, 'gpt4', 50),
    ('11-3012.00', 21, 'human', 50),
    ('11-3012.00', 23, 'gpt4', 0),
    ('11-3012.00', 23, 'human', 0),
    ('11-3012.00', 24, 'gpt4', 50),
    ('11-3012.00', 24, 'human', 50),
    ('11-3012.00', 26, 'gpt4', 50),
    ('11-3012.00', 26, 'human', 0),
    ('11-3012.00', 21262, 'gpt4', 50),
    ('11-3012.00', 21262, 'human', 100),
    ('11-3012.00', 21266, 'gpt4', 100),
    ('11-3012.00', 21266, 'human', 100),
    ('11-3012.00', 21267, 'gpt4', 0),
    ('11-3012.00', 21267, 'human', 0),
    ('11-3012.00', 21271, 'gpt4', 0),
    ('11-3012.00', 21271, 'human', 0),
    ('13-2011.00', 21505, 'gpt4', 100),
    ('13-2011.00', 21505, 'human', 100),
    ('13-2011.00', 21506, 'gpt4', 50),
    ('13-2011.00', 21506, 'human', 100),
    ('13-2011.00', 21507, 'gpt4', 50),
    ('13-2011.00', 21507, 'human', 50),
    ('13-2011.00', 21514, 'gpt4', 50),
    ('13-2011.00', 21514, 'human', 50),
    ('13-2011.00', 21516, 'gpt4', 50),
    ('13-2011.00', 21516, 'human', 0),
    ('13-2011.00', 21526, 'gpt4', 50),
    ('13-2011.00', 21526, 'human', 50),
    ('13-2011.00', 21527, 'gpt4', 50),
    ('13-2011.00', 21527, 'human', 50),
    ('13-2011.00', 21531, 'gpt4', 50),
    ('13-2011.00', 21531, 'human', 50),
    ('13-2011.00', 21532, 'gpt4', 50),
    ('13-2011.00', 21532, 'human', 50),
    ('13-2011.00', 21533, 'gpt4', 50),
    ('13-2011.00', 21533, 'human', 50),
    ('43-3031.00', 2486, 'gpt4', 100),
    ('43-3031.00', 2486, 'human', 0),
    ('43-3031.00', 2487, 'gpt4', 100),
    ('43-3031.00', 2487, 'human', 0),
    ('43-3031.00', 2488, 'gpt4', 50),
    ('43-3031.00', 2488, 'human', 0),
    ('43-3031.00', 2495, 'gpt4', 100),
    ('43-3031.00', 2495, 'human', 0),
    ('43-3031.00', 2496, 'gpt4', 50),
    ('43-3031.00', 2496, 'human', 50),
    ('43-3031.00', 2499, 'gpt4', 50),
    ('43-3031.00', 2499, 'human', 0),
    ('43-3031.00', 2500, 'gpt4', 50),
    ('43-3031.00', 2500, 'human', 0),
    ('43-3031.00', 2503, 'gpt4', 100),
    ('43-3031.00', 2503, 'human', 50),
    ('43-3031.00', 18561, 'gpt4', 50),
    ('43-3031.00', 18561, 'human', 0),
    ('43-4051.00', 2578, 'gpt4', 50),
    ('43-4051.00', 2578, 'human', 50),
    ('43-4051.00', 2579, 'gpt4', 50),
    ('43-4051.00', 2579, 'human', 100),
    ('43-4051.00', 2580, 'gpt4', 50),
    ('43-4051.00', 2580, 'human', 100),
    ('43-4051.00', 2581, 'gpt4', 50),
    ('43-4051.00', 2581, 'human', 50),
    ('43-4051.00', 2583, 'gpt4', 50),
    ('43-4051.00', 2583, 'human', 50),
    ('43-4051.00', 2584, 'gpt4', 100),
    ('43-4051.00', 2584, 'human', 100),
    ('43-4051.00', 2586, 'gpt4', 50),
    ('43-4051.00', 2586, 'human', 100),
    ('43-4051.00', 18565, 'gpt4', 50),
    ('43-4051.00', 18565, 'human', 100),
    ('47-2061.00', 11456, 'gpt4', 50),
    ('47-2061.00', 11456, 'human', 0),
    ('47-2061.00', 11458, 'gpt4', 0),
    ('47-2061.00', 11458, 'human', 50),
    ('47-2061.00', 11459, 'gpt4', 0),
    ('47-2061.00', 11459, 'human', 0),
    ('47-2061.00', 11460, 'gpt4', 0),
    ('47-2061.00', 11460, 'human', 0),
    ('47-2061.00', 11461, 'gpt4', 50),
    ('47-2061.00', 11461, 'human', 0),
    ('47-2061.00', 11463, 'gpt4', 0),
    ('47-2061.00', 11463, 'human', 0),
    ('47-2061.00', 11465, 'gpt4', 0),
    ('47-2061.00', 11465, 'human', 0),
    ('47-2061.00', 11472, 'gpt4', 0),
    ('47-2061.00', 11472, 'human', 0),
    ('47-2111.00', 2873, 'gpt4', 0),
    ('47-2111.00', 2873, 'human', 0),
    ('47-2111.00', 2878, 'gpt4', 0),
    ('47-2111.00', 2878, 'human', 0),
    ('47-2111.00', 2880, 'gpt4', 50),
    ('47-2111.00', 2880, 'human', 0),
    ('47-2111.00', 2882, 'gpt4', 50),
    ('47-2111.00', 2882, 'human', 50),
    ('47-2111.00', 2885, 'gpt4', 100),
    ('47-2111.00', 2885, 'human', 100),
    ('47-2111.00', 2887, 'gpt4', 0),
    ('47-2111.00', 2887, 'human', 0),
    ('47-2111.00', 2888, 'gpt4', 0),
    ('47-2111.00', 2888, 'human', 0),
    ('47-2111.00', 2893, 'gpt4', 0),
    ('47-2111.00', 2893, 'human', 0),
    ('49-9021.00', 23552, 'gpt4', 0),
    ('49-9021.00', 23552, 'human', 0),
    ('49-9021.00', 23553, 'gpt4', 0),
    ('49-9021.00', 23553, 'human', 0),
    ('49-9021.00', 23554, 'gpt4', 0),
    ('49-9021.00', 23554, 'human', 50),
    ('49-9021.00', 23558, 'gpt4', 50),
    ('49-9021.00', 23558, 'human', 0),
    ('49-9021.00', 23563, 'gpt4', 100),
    ('49-9021.00', 23563, 'human', 100),
    ('49-9021.00', 23573, 'gpt4', 0),
    ('49-9021.00', 23573, 'human', 0),
    ('49-9021.00', 23575, 'gpt4', 50),
    ('49-9021.00', 23575, 'human', 50),
    ('49-9021.00', 23581, 'gpt4', 0),
    ('49-9021.00', 23581, 'human', 0),
    ('25-2021.00', 6535, 'gpt4', 0),
    ('25-2021.00', 6535, 'human', 0),
    ('25-2021.00', 6536, 'gpt4', 50),
    ('25-2021.00', 6536, 'human', 50),
    ('25-2021.00', 6538, 'gpt4', 50),
    ('25-2021.00', 6538, 'human', 50),
    ('25-2021.00', 6539, 'gpt4', 50),
    ('25-2021.00', 6539, 'human', 50),
    ('25-2021.00', 6540, 'gpt4', 0),
    ('25-2021.00', 6540, 'human', 50),
    ('25-2021.00', 6542, 'gpt4', 50),
    ('25-2021.00', 6542, 'human', 0),
    ('25-2021.00', 6547, 'gpt4', 50),
    ('25-2021.00', 6547, 'human', 50),
    ('25-2021.00', 6549, 'gpt4', 0),
    ('25-2021.00', 6549, 'human', 50),
    ('25-2021.00', 6571, 'gpt4', 0),
    ('25-2021.00', 6571, 'human', 0),
    ('25-2021.00', 6572, 'gpt4', 0),
    ('25-2021.00', 6572, 'human', 0),
    ('23-2011.00', 1636, 'gpt4', 50),
    ('23-2011.00', 1636, 'human', 50),
    ('23-2011.00', 1638, 'gpt4', 0),
    ('23-2011.00', 1638, 'human', 0),
    ('23-2011.00', 18491, 'gpt4', 100),
    ('23-2011.00', 18491, 'human', 50),
    ('23-2011.00', 18492, 'gpt4', 50),
    ('23-2011.00', 18492, 'human', 50),
    ('23-2011.00', 18493, 'gpt4', 0),
    ('23-2011.00', 18493, 'human', 0),
    ('23-2011.00', 18494, 'gpt4', 50),
    ('23-2011.00', 18494, 'human', 50),
    ('23-2011.00', 21062, 'gpt4', 50),
    ('23-2011.00', 21062, 'human', 50);

INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, description, url) VALUES
    ('working_with_ai', 'Microsoft Working with AI: AI applicability score', 'exposure', 0, 1,
     'How much of an occupation''s work activities Bing Copilot conversations show AI performing or assisting with, weighted by the activities'' importance (Tomlinson et al., 2025); 6-digit SOC, 0 to 1, higher is more applicable',
     'https://github.com/microsoft/working-with-ai'),
    ('digital_exposure', 'Digital AI exposure of BLS Occupational Outlook Handbook profiles (karpathy/jobs)', 'exposure', 0, 10,
     'An LLM''s 0 to 10 rating of how much current digital AI will reshape the work of each Occupational Outlook Handbook profile; one profile can cover several SOC codes, and its score then applies to each of them',
     'https://github.com/karpathy/jobs'),
    ('frey_osborne', 'Frey and Osborne: probability of computerisation', 'exposure', 0, 1,
     'Estimated probability that an occupation can be computerised, from Frey and Osborne, The Future of Employment (2013; Technological Forecasting and Social Change, 2017); SOC 2010 codes carried to SOC 2018 with the BLS crosswalk',
     'https://doi.org/10.1016/j.techfore.2016.08.019');

INSERT INTO airesilience.source_value (onet_code, source, raw_value) VALUES
    ('29-2072.00', 'working_with_ai', 0.27060368865203227),
    ('29-2072.00', 'digital_exposure', 9),
    ('29-2072.00', 'frey_osborne', 0.91),
    ('29-2061.00', 'working_with_ai', 0.04268667171722482),
    ('29-2061.00', 'digital_exposure', 4),
    ('29-2061.00', 'frey_osborne', 0.058),
    ('31-9092.00', 'working_with_ai', 0.0698489375075638),
    ('31-9092.00', 'digital_exposure', 4),
    ('31-9092.00', 'frey_osborne', 0.3),
    ('29-1022.00', 'working_with_ai', 0.026061889306944114),
    ('29-1022.00', 'digital_exposure', 3),
    ('29-1022.00', 'frey_osborne', 0.0036),
    ('15-1211.00', 'working_with_ai', 0.3154295398018763),
    ('15-1211.00', 'digital_exposure', 8),
    ('15-1211.00', 'frey_osborne', 0.0065),
    ('15-1251.00', 'working_with_ai', 0.3100317881564861),
    ('15-1251.00', 'digital_exposure', 9),
    ('15-1251.00', 'frey_osborne', 0.48),
    ('11-3012.00', 'working_with_ai', 0.08705142014997104),
    ('11-3012.00', 'digital_exposure', 5),
    ('11-3012.00', 'frey_osborne', 0.73),
    ('13-2011.00', 'working_with_ai', 0.20324809495716173),
    ('13-2011.00', 'digital_exposure', 8),
    ('13-2011.00', 'frey_osborne', 0.94),
    ('43-3031.00', 'working_with_ai', 0.27604863080045966),
    ('43-3031.00', 'digital_exposure', 9),
    ('43-3031.00', 'frey_osborne', 0.98),
    ('43-4051.00', 'working_with_ai', 0.44027908504057817),
    ('43-4051.00', 'digital_exposure', 9),
    ('43-4051.00', 'frey_osborne', 0.55),
    ('47-2061.00', 'working_with_ai', 0.030072808760993032),
    ('47-2061.00', 'digital_exposure', 1),
    ('47-2061.00', 'frey_osborne', 0.88),
    ('47-2111.00', 'working_with_ai', 0.15093007129493036),
    ('47-2111.00', 'digital_exposure', 2),
    ('47-2111.00', 'frey_osborne', 0.15),
    ('49-9021.00', 'working_with_ai', 0.12230769293998994),
    ('49-9021.00', 'digital_exposure', 2),
    ('49-9021.00', 'frey_osborne', 0.65),
    ('25-2021.00', 'working_with_ai', 0.20266092728942325),
    ('25-2021.00', 'digital_exposure', 6),
    ('25-2021.00', 'frey_osborne', 0.0044),
    ('23-2011.00', 'working_with_ai', 0.05712267912117037),
    ('23-2011.00', 'digital_exposure', 9),
    ('23-2011.00', 'frey_osborne', 0.94);

-- BLS Employment Projections 2024-34, in persons (BLS publishes thousands).
INSERT INTO airesilience.labor_stats (soc_code, median_wage, median_wage_topcoded, employment, employment_projected, annual_openings, growth_pct, entry_education, work_experience) VALUES
    ('29-2072', 50250, false, 194800, 208600, 14200, 7.1, 'Postsecondary nondegree award', 'None'),
    ('29-2061', 62340, false, 651400, 668500, 54400, 2.6, 'Postsecondary nondegree award', 'None'),
    ('31-9092', 44200, false, 811000, 912200, 112300, 12.5, 'Postsecondary nondegree award', 'None'),
    ('29-1022', 239200, true, 6100, 6400, 200, 4.1, 'Doctoral or professional degree', 'None'),
    ('15-1211', 103790, false, 521100, 566500, 34200, 8.7, 'Bachelor''s degree', 'None'),
    ('15-1251', 98670, false, 121200, 113900, 5500, -6, 'Bachelor''s degree', 'None'),
    ('11-3012', 108390, false, 271200, 283800, 23200, 4.6, 'Bachelor''s degree', 'Less than 5 years'),
    ('13-2011', 81680, false, 1579800, 1652600, 124200, 4.6, 'Bachelor''s degree', 'None'),
    ('43-3031', 49210, false, 1613400, 1519100, 170000, -5.8, 'Some college, no degree', 'None'),
    ('43-4051', 42830, false, 2814000, 2660300, 341700, -5.5, 'High school diploma or equivalent', 'None'),
    ('47-2061', 46730, false, 1457000, 1563400, 129400, 7.3, 'No formal educational credential', 'None'),
    ('47-2111', 62350, false, 818700, 896100, 81000, 9.5, 'High school diploma or equivalent', 'None'),
    ('49-9021', 59810, false, 425200, 459700, 40100, 8.1, 'Postsecondary nondegree award', 'None'),
    ('25-2021', 62340, false, 1422700, 1394800, 91000, -2, 'Bachelor''s degree', 'None'),
    ('23-2011', 61010, false, 376200, 376800, 39300, 0.2, 'Associate''s degree', 'None');

COMMIT;
