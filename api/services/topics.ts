/** The pubsub topic `detectionAdded` listens on; each payload is one DetectionRecord. */
export const DETECTION_ADDED = 'DETECTION_ADDED';
