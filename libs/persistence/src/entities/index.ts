import { AuditEventEntity } from './audit-event.entity';
import { TrajectoryEntity } from './trajectory.entity';

export { AuditEventEntity, TrajectoryEntity };

export const ENTITIES = [AuditEventEntity, TrajectoryEntity];
