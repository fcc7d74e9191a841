export { OperationsModule } from './operations.module';
export { QueueBoard, renderPage } from './services/queue-board.service';
export { BOARD_BASE, BOARD_COOKIE, BOARD_AUDIENCE } from './domain/board-routes';
