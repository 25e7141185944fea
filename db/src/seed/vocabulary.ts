/** Words the demo and bulk seeds build plausible records from. */
export const COMPANY_FIRST = ['Northwind', 'Bluebird', 'Summit', 'Riverstone', 'Copperleaf', 'Evergreen', 'Ironwood', 'Lumen', 'Harbor', 'Kestrel', 'Meridian', 'Oakridge', 'Pinnacle', 'Quartz', 'Redwood', 'Silverline', 'Tidewater', 'Umber', 'Vantage', 'Willow', 'Zenith', 'Aurora', 'Brightside', 'Cobalt'];
export const COMPANY_LAST = ['Labs', 'Foods', 'Logistics', 'Health', 'Studios', 'Partners', 'Energy', 'Retail', 'Capital', 'Robotics', 'Outfitters', 'Media'];
export const INDUSTRIES = ['Technology', 'Food & Beverage', 'Logistics', 'Healthcare', 'Media', 'Finance', 'Energy', 'Retail'];
export const FIRST_NAMES = ['Alice', 'Bruno', 'Chloe', 'Diego', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Keiko', 'Liam', 'Mina', 'Nora', 'Omar', 'Priya'];
export const LAST_NAMES = ['Andersen', 'Becker', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jansen', 'Kowalski', 'Larsen', 'Moreau', 'Novak'];
export const PROJECT_KINDS = ['Brand refresh', 'Website rebuild', 'Market research', 'Campaign launch', 'Process audit', 'Data platform', 'Mobile app', 'Strategy workshop'];
export const TASK_TITLES = ['Kickoff meeting', 'Gather requirements', 'Draft proposal', 'Design review', 'Build prototype', 'Client feedback', 'Final delivery', 'Retrospective'];
export const CLIENT_STATUSES = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'LEAD', 'INACTIVE'];
export const DEAL_STAGES = ['LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'];
export const PROJECT_STATUSES = ['PLANNED', 'ACTIVE', 'ACTIVE', 'ON_HOLD', 'COMPLETED'];
export const TASK_STATUSES = ['TODO', 'IN_PROGRESS', 'DONE', 'DONE', 'BLOCKED'];
