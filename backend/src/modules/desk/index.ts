export { DeskModule } from './desk.module';
export { DeskService } from './services/desk.service';
export { orderDesk } from './domain/desk-order';
