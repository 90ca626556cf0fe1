import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { municipalityOfTrajectory, trajectoryWorkflowId } from '@app/contracts';
import type { TrajectoryView } from '@app/domain';
import { CurrentPrincipal } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { LifecycleAction } from '../common/api-docs';
import { IdempotencyKey } from '../common/idempotency-key';
import { amsterdamDate } from '@app/ledger';
import { ProviderRegister } from '@app/register';
import { ArrangementTermsResolver } from './arrangement-terms.resolver';
import { rolesFor } from './command-roles';
import type { LifecycleRoute, PayloadContext } from './lifecycle-route';
import { LIFECYCLE_ROUTES } from './lifecycle-routes';
import { TrajectoryActions } from './trajectory-actions.service';
import { TrajectoryGateway } from './trajectory-gateway';
import { isClientScoped } from '../auth/tenant-scope';

/**
 * The lifecycle actions of domain.md §7.4, one endpoint per command, mounted from the route table
 * (lifecycle-routes.ts). Thin: each maps its body to the workflow command and returns the trajectory's new
 * live view.
 */
@ApiTags('trajectory actions')
@Controller('trajectories/:trajectoryId')
export class TrajectoryActionsController {
  constructor(
    readonly actions: TrajectoryActions,
    readonly arrangements: ArrangementTermsResolver,
    readonly register: ProviderRegister,
    readonly gateway: TrajectoryGateway,
  ) {}
}

function payloadContext(
  controller: TrajectoryActionsController,
  trajectoryId: string,
  principal: Principal,
): PayloadContext {
  return {
    trajectoryId,
    byFamily: isClientScoped(principal),
    async choosableLeadProviders() {
      const state = await controller.gateway.state(trajectoryId);
      return controller.register.choosableLeadProviders(
        state.policy.regionId,
        state.domain,
        amsterdamDate(new Date()),
      );
    },
    arrangement: (code, field) => controller.arrangements.resolve(code, field),
    async optionalArrangement(key, code, field) {
      if (code === undefined) return {};
      return { [key]: await controller.arrangements.resolve(code, field) } as Record<typeof key, never>;
    },
    providerStandings(arrangement, providerIds) {
      // The arrangement comes from the catalogue, so it names its region; the domain checks that region is
      // the trajectory's.
      return controller.register.standings(
        arrangement.regionId ?? '',
        arrangement.code,
        providerIds,
        amsterdamDate(new Date()),
      );
    },
    successorId(caseReference) {
      const municipality = municipalityOfTrajectory(trajectoryId);
      return municipality ? trajectoryWorkflowId(municipality, caseReference) : undefined;
    },
  };
}

/**
 * Adds one route as a method of the controller, decorated exactly as a hand-written one would be (its own
 * OpenAPI operation and request schema, the global validation of its body, the roles of its command).
 */
function mount(route: LifecycleRoute): void {
  const prototype = TrajectoryActionsController.prototype as unknown as Record<string, unknown>;
  async function handle(
    this: TrajectoryActionsController,
    trajectoryId: string,
    body: object | undefined,
    principal: Principal,
    idempotencyKey?: string,
  ): Promise<TrajectoryView> {
    const input = body ?? {};
    const payload = route.toPayload
      ? await route.toPayload(input, payloadContext(this, trajectoryId, principal))
      : input;
    return this.actions.run(principal, trajectoryId, route.command, payload, idempotencyKey);
  }
  Object.defineProperty(handle, 'name', { value: route.operation });
  prototype[route.operation] = handle;
  // What emitDecoratorMetadata would have written: Nest's validation and Swagger read the body's class here.
  Reflect.defineMetadata(
    'design:paramtypes',
    [String, route.body ?? Object, Object, String],
    prototype,
    route.operation,
  );
  Param('trajectoryId')(prototype, route.operation, 0);
  if (route.body) Body()(prototype, route.operation, 1);
  CurrentPrincipal()(prototype, route.operation, 2);
  IdempotencyKey()(prototype, route.operation, 3);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, route.operation)!;
  LifecycleAction(route.path, rolesFor(route.command), route.summary)(prototype, route.operation, descriptor);
}

LIFECYCLE_ROUTES.forEach(mount);
