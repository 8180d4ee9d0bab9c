import { Authorized, Query, Resolver } from 'type-graphql';
import { builtinDetectors } from '../../worker/dlp/detectors';
import { Detector } from './detector.type';

@Resolver()
export class DetectorsResolver {
  @Authorized('patterns:read')
  @Query(() => [Detector], { description: 'The built-in detector library, with descriptions.' })
  detectors(): Detector[] {
    return builtinDetectors.map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description ?? '',
      category: d.category ?? 'other',
      severity: d.severity,
      action: d.action,
      validator: d.validator ?? null,
      contextWords: d.context?.words ?? [],
      contextRequired: d.context?.required ?? false,
    }));
  }
}
